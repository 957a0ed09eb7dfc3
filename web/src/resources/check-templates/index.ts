export { TemplateList } from './TemplateList';
export { TemplateForm } from './TemplateForm';
