// The hidden <input type="file"> behind every "photo / upload" button: the button calls click() on the forwarded ref,
// and the picked files come back as an array. One component so the pickers cannot drift apart again: it is always
// hidden, and its value is always reset after a pick, so picking the same file a second time is noticed.
import { forwardRef } from 'react';

export interface HiddenFileInputProps {
  /** The accept list, e.g. "image/*" or ".pdf,application/pdf". */
  accept: string;
  multiple?: boolean;
  /** "environment" opens the rear camera on a phone; desktops still get a file picker. */
  capture?: 'environment' | 'user';
  /** Called with the files picked; never with an empty list. */
  onFiles(files: File[]): void;
  'data-testid'?: string;
}

export const HiddenFileInput = forwardRef<HTMLInputElement, HiddenFileInputProps>(function HiddenFileInput(
  { accept, multiple, capture, onFiles, 'data-testid': testId },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      multiple={multiple}
      capture={capture}
      hidden
      // Ant Design's form styles show file inputs (display: block) whatever `hidden` says.
      style={{ display: 'none' }}
      data-testid={testId}
      onChange={(e) => {
        // Copied before the reset: clearing the value empties the input's FileList.
        const files = Array.from(e.target.files ?? []);
        // Without the reset, picking the same file again fires no change event.
        e.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
