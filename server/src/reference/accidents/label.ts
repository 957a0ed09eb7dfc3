// Shared shape of every user-facing label in the reference data: the platform shows Chinese first
// and English for reviewers and exports, so each label carries both.
export interface Label {
  zh: string;
  en: string;
}

/** Where a rule comes from, so a reviewer can check it against the official text. */
export interface RuleSource {
  /** Document as it is usually cited, e.g. "国务院令第493号". */
  document: string;
  /** Article, table or section, e.g. "第三条". */
  article: string;
  /** Confidence mark copied from docs/rules.md (H, M, L) or "seed" for a local document. */
  confidence: 'H' | 'M' | 'L' | 'seed' | 'assumed';
}
