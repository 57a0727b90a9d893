// iconv-lite ships no types for its data modules: the generated single-byte code page tables.
declare module 'iconv-lite/encodings/sbcs-data-generated' {
  const tables: Record<string, { type: string; chars: string } | string>;
  export default tables;
}
