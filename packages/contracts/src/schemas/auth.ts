import { z } from 'zod';
import { safeString } from '../input';
import { roles } from '../roles';
import { permissions } from '../permissions';

export const loginBody = z.object({ username: safeString().trim().min(1).max(64), password: safeString().min(1).max(256) }).strict();

export const me = z.object({
  id: z.uuid(),
  username: safeString(),
  displayName: safeString(),
  role: z.enum(roles),
  orgId: z.uuid().nullable(),
  orgName: safeString().nullable(),
  areaCode: safeString().nullable(),
  enterpriseId: z.uuid().nullable(),
  permissions: z.array(z.enum(permissions as [string, ...string[]])),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginResponse = z.object({ user: me, csrfToken: safeString() });
export const meResponse = z.object({ user: me, csrfToken: safeString() });

export const changePasswordBody = z
  .object({ currentPassword: safeString().min(1).max(256), newPassword: safeString().min(1).max(256) })
  .strict();
