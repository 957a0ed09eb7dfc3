import { z } from 'zod';
import { roles } from '../roles';
import { permissions } from '../permissions';

export const loginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict();

export const me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  areaCode: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  permissions: z.array(z.enum(permissions as [string, ...string[]])),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginResponse = z.object({ user: me, csrfToken: z.string() });
export const meResponse = z.object({ user: me, csrfToken: z.string() });

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();
