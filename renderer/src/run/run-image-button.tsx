// STUB (issue 5, owned by the run UI helper): the one-click Run button and the "Run…" dialog opener for an image.
export interface RunImageButtonProps {
  /** An image reference or id to run. */
  image: string;
  /** Compact (icon-sized) for table rows; a labelled button otherwise. */
  compact?: boolean;
}

export function RunImageButton({ image }: RunImageButtonProps) {
  void image;
  return null;
}
