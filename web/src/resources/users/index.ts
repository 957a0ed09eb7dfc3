export { UserList } from './UserList';
export { UserForm } from './UserForm';
