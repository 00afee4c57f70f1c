package io.camrig.proto.catalog;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * An operation refused before sending because the camera's model does not support it, according to
 * the catalog (references.json {@code operations[*].cameras}); for example Set Camera Name on a
 * HERO12 Black.
 */
public class OperationNotSupportedException extends PermanentCamrigException {
    private final transient CameraModel model;
    private final transient Operation operation;

    public OperationNotSupportedException(CameraModel model, Operation operation) {
        this(null, model, operation);
    }

    /**
     * @param camera    the camera concerned (name or serial), or {@code null}
     * @param model     its model
     * @param operation the refused operation
     */
    public OperationNotSupportedException(String camera, CameraModel model, Operation operation) {
        super(model.displayName() + " does not support " + operation.info().name() + "; supported by: "
                + operation.info().models(), camera, operation.info().snakeName(), null);
        this.model = model;
        this.operation = operation;
    }

    /** Always {@code true}: refused before sending, the camera is fine. */
    @Override
    public boolean isCallerError() {
        return true;
    }

    public CameraModel model() {
        return model;
    }

    public Operation refused() {
        return operation;
    }
}
