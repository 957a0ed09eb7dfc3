// The logged-in user (from GET /api/me) and login/logout; menus and buttons read permissions from here.
import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, Permission } from '@anjian/contracts';
import { call, ApiError, setCsrfToken } from '../api/client';

interface Auth {
  user: Me | null;
  loading: boolean;
  can(p: Permission): boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Ctx = createContext<Auth | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const r = await call('GET /api/me');
    setCsrfToken(r.csrfToken);
    return r.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000, retry: false });
  const user = me.data ?? null;
  const value: Auth = {
    user,
    loading: me.isLoading,
    can: (p) => !!user?.permissions.includes(p),
    async login(username, password) {
      const r = await call('POST /api/auth/login', { body: { username, password } });
      setCsrfToken(r.csrfToken);
      // Drop everything cached for the previous user, but keep the 'me' query its observers watch.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], r.user);
    },
    async logout() {
      try {
        await call('POST /api/auth/logout');
      } finally {
        setCsrfToken(null);
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
        qc.setQueryData(['me'], null);
      }
    },
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
