import { captureSite, libraryFrames, type Site } from '../../../../../src/index.ts';

// A library on top of model, at a path shaped like this repository's (packages/deep-lib/src/), whose
// builder calls its own helpers deeper than the short stack captureSite() takes first.
const DEEP_LIB_FRAMES = libraryFrames('model', 'deep-lib');

export function nestedBuilder(skip: RegExp = DEEP_LIB_FRAMES): Site | undefined {
  return level1(skip);
}
function level1(skip: RegExp) {
  return level2(skip);
}
function level2(skip: RegExp) {
  return level3(skip);
}
function level3(skip: RegExp) {
  return level4(skip);
}
function level4(skip: RegExp) {
  return level5(skip);
}
function level5(skip: RegExp) {
  return level6(skip);
}
function level6(skip: RegExp): Site | undefined {
  return captureSite(skip);
}
