import { useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Names the hidden file input for assistive tech and tests. */
  inputLabel: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  primary?: boolean;
  keyshortcut?: string;
}

/** A button that opens the system's file chooser (the input itself stays hidden). */
export function FilePickerButton({ children, inputLabel, accept, onFile, disabled, primary, keyshortcut }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => input.current?.click()} disabled={disabled} aria-keyshortcuts={keyshortcut}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = ''; // the same file can be chosen again
        }}
      />
    </>
  );
}
