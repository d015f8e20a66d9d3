// A realistic bulk-invite upload for the CSV benchmark: CRLF, some quoted cells, ~1% bad rows.

/** `rows` data rows after the `Email,Role` header; every 100th row is refused for some reason. */
export function inviteCsv(rows: number): { text: string; expectedValid: number } {
  const out: string[] = ['Email,Role'];
  let valid = 0;
  for (let i = 0; i < rows; i++) {
    switch (i % 100) {
      case 17:
        out.push(`not-an-email-${i},member`);
        break;
      case 42:
        out.push(`user${i}@northwind.example,admin`);
        break;
      case 63:
        out.push(`FirstName.LastName${i - 1}@Studio-${(i - 1) % 37}.example,guest`); // duplicate of the row before
        break;
      case 88:
        out.push(`"artist.${i}@studio-${i % 37}.example","Guest"`);
        valid++;
        break;
      default:
        out.push(`firstname.lastname${i}@studio-${i % 37}.example,${i % 3 ? 'member' : 'guest'}`);
        valid++;
    }
  }
  return { text: out.join('\r\n') + '\r\n', expectedValid: valid };
}
