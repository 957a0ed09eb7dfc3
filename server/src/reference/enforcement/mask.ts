// Masking personal data before a penalty decision is published (政府信息公开: natural persons' identity numbers,
// phones and home addresses are not disclosed). Organisations' names and credit codes stay readable.

/** 18-digit 居民身份证号 (or 15-digit old form): keep the first 6 (region) and last 4. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Mobile 138****5678; other numbers keep only the last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** A natural person's home address: only up to the district/street words are kept (e.g. 深圳市龙岗区龙城街道****). */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const m = address.match(/^(.*?(?:街道|镇|乡))/) ?? address.match(/^(.*?(?:区|县|市))/);
  return `${m ? m[1] : ''}****`;
}

/** A natural person's name: family name + ＊ (张＊＊). */
export function maskPersonName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  return chars.length <= 1 ? '＊' : `${chars[0]}${'＊'.repeat(chars.length - 1)}`;
}

/** Any 18-digit identity number or mobile number inside free text (the violation facts) is masked too. */
export function maskFreeText(text: string): string {
  return text
    .replace(/\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx]\b/g, (s) => maskIdNumber(s)!)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (s) => maskPhone(s)!);
}
