import { nodeEnv } from '../../src/node/env.js'
import { createApp } from '../../src/app.js'

export const env = await nodeEnv()
export const app = createApp(env)
