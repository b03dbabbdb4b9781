// Copy diagnostics (versions, engines, settings and recent log lines, secrets redacted by the core) to the
// clipboard, or show them. Where the clipboard refuses, the text opens selected, to copy with Ctrl+C.
import { useEffect, useRef, useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';
import { DialogFrame } from '../../components/dialog-frame';
import { copyText } from './clipboard';

type Shown = { text: string; reason: 'asked' | 'no-clipboard' } | null;

export function DiagnosticsActions() {
  const diagnostics = useChannelMutation('engines:diagnostics');
  const [shown, setShown] = useState<Shown>(null);
  const [copied, setCopied] = useState(false);

  const copy = () => {
    setCopied(false);
    diagnostics.mutate(
      {},
      {
        onSuccess: ({ text }) =>
          void copyText(text).then((done) => (done ? setCopied(true) : setShown({ text, reason: 'no-clipboard' }))),
      },
    );
  };
  const show = () => {
    setCopied(false);
    diagnostics.mutate({}, { onSuccess: ({ text }) => setShown({ text, reason: 'asked' }) });
  };

  return (
    <>
      <span role="status" className="engine-toolbar-status">
        {copied ? 'Diagnostics copied' : ''}
      </span>
      <Button className="button button-secondary" isDisabled={diagnostics.isPending} onPress={copy}>
        Copy diagnostics
      </Button>
      <Button className="button button-secondary" isDisabled={diagnostics.isPending} onPress={show}>
        Show diagnostics
      </Button>
      {diagnostics.error && (
        <div className="engine-toolbar-error">
          <ErrorAlert
            title="Could not gather diagnostics"
            message={diagnostics.error.message}
            onDismiss={() => diagnostics.reset()}
          />
        </div>
      )}
      {shown && <DiagnosticsDialog shown={shown} onClose={() => setShown(null)} />}
    </>
  );
}

function DiagnosticsDialog({ shown, onClose }: { shown: NonNullable<Shown>; onClose: () => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  // Selected at once when the clipboard refused, so Ctrl+C copies all of it without a drag through a long text.
  const selectAll = shown.reason === 'no-clipboard';
  useEffect(() => {
    if (selectAll) area.current?.select();
  }, [selectAll]);
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      size="wide"
      title="Diagnostics"
      actions={
        <Button className="button" onPress={onClose}>
          Close
        </Button>
      }
    >
      <div className="dialog-form">
        <p>
          {shown.reason === 'no-clipboard'
            ? 'The clipboard is not available here. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.'
            : 'Versions, engines, settings and recent engine log lines, with registry credentials, tokens and keys removed.'}
        </p>
        <TextField className="form-field" value={shown.text} isReadOnly>
          <Label className="field-label">Diagnostics text</Label>
          <TextArea
            ref={area}
            className="text-field-input text-field-textarea mono diagnostics-text"
            rows={18}
            spellCheck="false"
          />
        </TextField>
      </div>
    </DialogFrame>
  );
}
