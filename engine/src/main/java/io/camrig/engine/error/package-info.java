/** Errors the engine signals: exchange timeouts, lost links, refusals by the camera, readiness. */
package io.camrig.engine.error;
