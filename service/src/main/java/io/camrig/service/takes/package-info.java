/**
 * The service's takes, kept by the engine's take store: {@link io.camrig.service.takes.TakeLog}
 * creates and closes them with the fires (a manifest per take, read by {@code camrig takes}) and
 * loads those already in the media directory; {@link io.camrig.service.takes.TakeDownloads}
 * offloads each camera's file into the take through the engine's offloader.
 */
package io.camrig.service.takes;
