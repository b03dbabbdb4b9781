// The palette's providers, in the order their commands are listed when nothing is typed.
import type { CommandProvider } from '../command-types';
import { containerCommands, currentContainerCommands } from './container-commands';
import { imageCommands } from './image-commands';
import { navigationCommands } from './navigation-commands';

export const commandProviders: readonly CommandProvider[] = [
  currentContainerCommands,
  navigationCommands,
  containerCommands,
  imageCommands,
];
