/**
 * Immutable records for the camera's JSON documents (Open GoPro HTTP API 2.0): the media list
 * ({@code MediaList} with {@code SingleMediaListItem} and {@code GroupedMediaListItem}), camera
 * state and info, clock, media metadata, presets, setting options, webcam status, COHN status and
 * firmware-update status, and the typed parameters some requests take. Records validate their
 * components in the constructor; decoding from the camera's JSON (tolerant of numbers sent as
 * strings and of unknown fields) lives in the operation groups of {@link io.camrig.http.api} and
 * {@link io.camrig.http.MediaListDecoder}.
 */
package io.camrig.http.model;
