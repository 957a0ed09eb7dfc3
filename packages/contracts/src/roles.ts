// The eleven roles of the platform and their bilingual labels.
export const roles = [
  'sys_admin',
  'audit_admin',
  'district_leader',
  'district_officer',
  'street_officer',
  'grid_inspector',
  'industry_officer',
  'park_officer',
  'enterprise_principal',
  'enterprise_safety_manager',
  'public',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  sys_admin: { zh: '系统管理员', en: 'System administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  district_leader: { zh: '区局领导', en: 'District leader' },
  district_officer: { zh: '区局执法人员', en: 'District officer' },
  street_officer: { zh: '街道安监人员', en: 'Street officer' },
  grid_inspector: { zh: '网格员', en: 'Grid inspector' },
  industry_officer: { zh: '行业部门人员', en: 'Industry-department officer' },
  park_officer: { zh: '园区安监站人员', en: 'Park officer' },
  enterprise_principal: { zh: '企业主要负责人', en: 'Enterprise principal' },
  enterprise_safety_manager: { zh: '企业安全管理人员', en: 'Enterprise safety manager' },
  public: { zh: '社会公众', en: 'Public' },
};

/** How a role's record scope is derived; the server turns this into one SQL predicate. */
export type ScopeKind = 'area' | 'sector' | 'park' | 'enterprise' | 'none';
export const roleScopeKind: Record<Role, ScopeKind> = {
  sys_admin: 'area',
  audit_admin: 'area',
  district_leader: 'area',
  district_officer: 'area',
  street_officer: 'area',
  grid_inspector: 'area',
  industry_officer: 'sector',
  park_officer: 'park',
  enterprise_principal: 'enterprise',
  enterprise_safety_manager: 'enterprise',
  public: 'none',
};
