// The frame of the Images, Registries and Engine pages' dialogs: a modal with a title, its content, and the buttons
// along the bottom. Escape, a click outside and the Close button all close it.
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogFrameProps {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** The buttons; Close/Cancel is among them. */
  actions: ReactNode;
  /** Wide for tables and long lists (inspect, history). */
  size?: 'normal' | 'wide';
  /** alertdialog for a question before something destructive. */
  role?: 'dialog' | 'alertdialog';
  /** While a request runs, a click outside must not drop its answer. */
  isDismissable?: boolean;
}

export function DialogFrame({
  isOpen,
  onClose,
  title,
  children,
  actions,
  size = 'normal',
  role = 'dialog',
  isDismissable = true,
}: DialogFrameProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable={isDismissable}
      className="modal-overlay"
    >
      <Modal className={size === 'wide' ? 'modal modal-wide' : 'modal'}>
        <Dialog role={role} className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <div className="dialog-body dialog-body-scroll">{children}</div>
          <div className="dialog-actions">{actions}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
