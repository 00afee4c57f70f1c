/**
 * The main job: a synchronized recording session on a rig — set up every camera, fire shutter on
 * together, record, fire shutter off, download each camera's newest file — with a per-camera
 * report.
 */
package io.camrig.engine.session;
