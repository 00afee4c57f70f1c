/**
 * Takes as the service knows them today: an in-memory {@link io.camrig.service.takes.TakeLog} of
 * fires on/off with per-camera outcomes, figures and downloads
 * ({@link io.camrig.service.takes.TakeDownloads}); designed so persistent takes with manifests
 * can replace the log behind the same routes.
 */
package io.camrig.service.takes;
