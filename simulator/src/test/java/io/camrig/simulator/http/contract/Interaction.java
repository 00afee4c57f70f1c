package io.camrig.simulator.http.contract;

import java.util.List;
import java.util.Map;

/**
 * One request as the client sent it and the response as the camera returned it, captured on the
 * wire by {@link RecordingProxy}.
 *
 * @param method the HTTP method
 * @param path the path, without query
 * @param query query parameters, decoded, in order
 * @param requestHeaders request headers, lower-case names
 * @param requestBody the request body, possibly empty
 * @param status the response status
 * @param responseHeaders response headers, lower-case names
 * @param responseBody the response body, possibly empty
 */
record Interaction(String method, String path, Map<String, List<String>> query, Map<String, String> requestHeaders,
        byte[] requestBody, int status, Map<String, String> responseHeaders, byte[] responseBody) {

    /** {@code "GET /gopro/camera/state"}. */
    String operation() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return operation() + (query.isEmpty() ? "" : " " + query) + " -> " + status;
    }
}
