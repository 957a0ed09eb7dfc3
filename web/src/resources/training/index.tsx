// 培训与考试 screens: officers' training management, the phone-first exam for enterprise accounts, the bank editor,
// and the enterprise file's 培训 tab.
export { TrainingPage } from './TrainingPage';
export { ExamPage } from './ExamPage';
export { QuestionBank } from './QuestionBank';
export { EnterpriseTrainingTab } from './EnterpriseTrainingTab';
