/** Mongolian words several tests render. */
import { MVS } from '../../src/text/mongolian/controls.js'

/** "Hospital": MVS before the separated final e. */
export const EMNELGE = `ᠡᠮᠨᠡᠯᠭ${MVS}ᠡ`
