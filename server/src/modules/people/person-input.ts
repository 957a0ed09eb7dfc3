// A person's fields as the form and the import check them, and the identity columns they are stored as: pure, so the
// import can run them in its reading thread (people-import.rows.ts) as well as on the request thread.
import type { CreatePersonBody } from '@anjian/contracts';
import { fieldError } from '../../platform/errors';
import { maskIdNumber } from '../../platform/masking';
import { isValidIdNumber, normaliseIdNumber, sealIdNumber } from './people.vault';

/** The rules a person's fields must meet before any read or write (thrown as a bilingual field error). */
export function checkPersonInput(input: CreatePersonBody) {
  if (!isValidIdNumber(input.idNumber)) {
    throw fieldError('idNumber', '身份证号校验位或出生日期不正确', 'The identity number’s check character or birth date is wrong');
  }
  if (input.employedTo && input.employedTo < input.employedFrom) {
    throw fieldError('employedTo', '离岗日期不能早于上岗日期', 'The leaving date cannot be before the start date');
  }
}

export function identityColumns(ctx: { vaultKey: string }, input: CreatePersonBody, hash: string) {
  const { sealed, keyId } = sealIdNumber(ctx.vaultKey, input.idNumber);
  return {
    name: input.name,
    idNumberSealed: sealed,
    idNumberKeyId: keyId,
    idNumberMasked: maskIdNumber(normaliseIdNumber(input.idNumber))!,
    idNumberHash: hash,
    phone: input.phone ?? null,
    post: input.post,
    postTitle: input.postTitle ?? null,
    employedFrom: input.employedFrom,
    employedTo: input.employedTo ?? null,
  };
}
