/**
 * What ids mean: the value types of statuses and settings ({@link io.camrig.proto.catalog.ValueTypes})
 * and the protobuf message types behind feature and action ids
 * ({@link io.camrig.proto.catalog.ProtobufTypes}). Tables are transcribed by hand from the Open GoPro
 * spec (references.json, "ID Tables") and kept small; every lookup goes through these classes so a
 * generated catalog can replace them.
 */
package io.camrig.proto.catalog;
