import { buildApp } from "./build-app";

buildApp().app.synth();
