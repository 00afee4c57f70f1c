/**
 * Immutable records for the camera's JSON documents: the media list ({@code GET
 * /gopro/media/list}, schema {@code MediaList} with {@code SingleMediaListItem} and {@code
 * GroupedMediaListItem}). Records validate their components in the constructor; decoding from
 * the camera's JSON lives in {@link io.camrig.http.MediaListDecoder}.
 */
package io.camrig.http.model;
