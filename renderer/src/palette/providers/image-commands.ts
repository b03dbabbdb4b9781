// Commands that go to an image: the Images page filtered to it.
import type { CommandProvider } from '../command-types';
import { shortId } from '../../model/text-filter';

export const imageCommands: CommandProvider = (context) =>
  context.images.map((image) => {
    const shown = image.repoTags[0] ?? shortId(image.id);
    return {
      id: `image:${image.id}`,
      title: `Image ${shown}`,
      section: 'Images',
      keywords: [...image.repoTags, shortId(image.id), 'image'],
      run: () => context.navigate(`/images?q=${encodeURIComponent(shown)}`),
    };
  });
