// The controls at the end of an image's row: Run (the run helper's button) and a menu with Inspect, History,
// Tag, Push and Remove. Every name carries the image's name ("More actions for nginx:1.27"), so each is
// unambiguous to a screen reader and to tests.
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { ImageSummary } from '@shared/image-types';
import { RunImageButton } from '../../run/run-image-button';
import { imageLabel, imageRef } from './image-model';
import type { ImageAction } from './use-image-actions';
import { MoreIcon } from '../../components/icons';

export function ImageRowActions({
  image,
  onAction,
}: {
  image: ImageSummary;
  onAction: (action: ImageAction, image: ImageSummary) => void;
}) {
  const tagged = image.repoTags.length > 0;
  return (
    <div className="row-actions">
      <RunImageButton image={imageRef(image)} compact />
      <MenuTrigger>
        <Button aria-label={`More actions for ${imageLabel(image)}`} className="icon-button">
          <MoreIcon />
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu
            className="menu"
            aria-label={`Actions for ${imageLabel(image)}`}
            onAction={(key) => onAction(key as ImageAction, image)}
          >
            <MenuItem id="inspect" className="menu-item">
              Inspect
            </MenuItem>
            <MenuItem id="history" className="menu-item">
              History
            </MenuItem>
            <MenuItem id="tag" className="menu-item">
              Tag…
            </MenuItem>
            {/* A push needs a name that says where to; an untagged image has none until it is tagged. */}
            <MenuItem id="push" className="menu-item" isDisabled={!tagged} textValue="Push">
              Push{tagged ? '' : ' (tag it first)'}
            </MenuItem>
            <Separator className="menu-separator" />
            <MenuItem id="remove" className="menu-item menu-item-danger">
              Remove…
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
    </div>
  );
}
