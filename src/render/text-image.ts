/**
 * The /v1/text design: one block of text on a background, cropped tight to
 * its ink with even padding, so it pastes cleanly into slides and documents.
 */
import type { FontSet } from '../fonts/font-set.js'
import { textElements, type El } from '../text/elements.js'
import { extentOf } from '../text/fit.js'
import { layoutText } from '../text/layout.js'
import type { Orientation, TextLayout } from '../text/types.js'

export interface TextImageSpec {
  text: string
  orientation: Orientation
  size: number
  color: string
  background: string
  padding: number
  maxLength?: number
  /** BCP 47; default from the text's script. */
  lang?: string
}

export interface TextImage {
  layout: TextLayout
  width: number
  height: number
  root: El
}

export function textImage(fonts: FontSet, spec: TextImageSpec): TextImage {
  const layout = layoutText(fonts, {
    text: spec.text,
    orientation: spec.orientation,
    fontSize: spec.size,
    ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
    ...(spec.lang !== undefined ? { lang: spec.lang } : {}),
  })
  // Crop to the ink; blank text falls back to its line boxes.
  const box = layout.ink ?? extentOf(layout)
  const width = Math.ceil(box.x1 - box.x0 + 2 * spec.padding)
  const height = Math.ceil(box.y1 - box.y0 + 2 * spec.padding)
  const x = (width - (box.x1 - box.x0)) / 2 - box.x0
  const y = (height - (box.y1 - box.y0)) / 2 - box.y0
  const root: El = {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        position: 'relative',
        width,
        height,
        ...(spec.background === 'transparent' ? {} : { backgroundColor: spec.background }),
      },
      children: textElements(layout, { x, y, color: spec.color }),
    },
  }
  return { layout, width, height, root }
}
