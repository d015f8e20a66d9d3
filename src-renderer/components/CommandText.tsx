// Renders a message from the core with its command-line flags (--credential-file) as unbreakable code.
import { Fragment } from 'react';

const FLAG = /(--[a-z][a-z-]*)/g;

export function CommandText({ text }: { text: string }) {
  return (
    <>
      {text.split(FLAG).map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="nowrap">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
