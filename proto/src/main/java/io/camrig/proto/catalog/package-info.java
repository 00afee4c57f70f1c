/**
 * What ids mean: the protocol {@link io.camrig.proto.catalog.Catalog} generated from the Open GoPro
 * spec (operations, settings with their options and per-model support, statuses with their types,
 * camera models), typed keys into it ({@link io.camrig.proto.catalog.Setting},
 * {@link io.camrig.proto.catalog.Status}, {@link io.camrig.proto.catalog.Operation},
 * {@link io.camrig.proto.catalog.CameraModel}), the support checks made before sending
 * ({@link io.camrig.proto.catalog.UnsupportedOptionException},
 * {@link io.camrig.proto.catalog.OperationNotSupportedException}), the decoding of status and setting
 * values ({@link io.camrig.proto.catalog.ValueTypes}) and the protobuf message types behind feature
 * and action ids ({@link io.camrig.proto.catalog.ProtobufTypes}).
 */
package io.camrig.proto.catalog;
