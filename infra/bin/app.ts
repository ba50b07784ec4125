#!/usr/bin/env node
import { createApp } from '../app';

createApp().app.synth();
