// An email address that wraps only after "@" and before "." (issue 18): never mid-word as in
// "priya.nair@northwind.exam ple". <wbr> adds no text, so copying and searching see the address.
import { Fragment } from 'react';

export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?=\.)|(?<=@)/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}
