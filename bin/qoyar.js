#!/usr/bin/env -S node --max-old-space-size=256
// The qoyar command: TypeScript sources run through tsx, as `npm start` does.
// A modest old space: a batch's live set is small, and without it V8 lets the
// heap grow toward its default ceiling between collections (1,000 desk cards
// to PDF: peak RSS ≈ 500 MB by default, ≈ 300 MB with 256 MB).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
