#!/usr/bin/env python3
"""Writes camrig's protocol catalog from the Open GoPro spec.

Usage (from the repository root):

    python3 proto/tools/generate_catalog.py [path/to/spec/dir]

The spec directory defaults to ../shared/spec; the generator reads references.json and
http/openapi.json there. It writes, for commit:

  proto/src/main/resources/io/camrig/proto/catalog/catalog.txtpb  the catalog, protobuf text format of
                                                                  camrig_ext/catalog.proto's CatalogFile
  proto/src/main/java/io/camrig/proto/catalog/{Setting,Status,Operation,CameraModel}.java
                                                                  typed constants over it

catalog.txtpb holds (fields in snake_case; absent rather than null), sorted by id or key:
  models      key, name, modelId, serialPrefix, firmwareCode, in release order
  operations  key, specId, name, kind (command | setting | query | protobuf | http),
              commandId / queryId, characteristic (the GP-XXXX a client writes to),
              protobuf [{feature, action, direction (request | response | notification), message}],
              ble (bool), http ("GET /gopro/version"; "" when the spec documents an HTTP form that
              http/openapi.json does not name; null when there is none), models [names]
  settings    id, key, name, format (uint8 | uint64), models, options [{value, name, models}]
  statuses    id, key, name, type (boolean | enum | integer | string), models, values {value: name}

Keys are the spec's names in UPPER_SNAKE_CASE (an HTTP-only operation keeps its spec id), so that
they read as Java constants. CatalogAgainstSpecTest checks the committed output against the spec.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCE = os.path.join(ROOT, "proto", "src", "main", "resources", "io", "camrig", "proto", "catalog", "catalog.txtpb")
JAVA = os.path.join(ROOT, "proto", "src", "main", "java", "io", "camrig", "proto", "catalog")

FORMATS = {"int8ub": "uint8", "int16ub": "uint16", "int32ub": "uint32", "int64ub": "uint64"}
# The request characteristic of each protobuf feature id (BLE spec, "Data Protocol" / "Protobuf";
# features 0x02 and 0x03 go to network management).
FEATURE_CHARACTERISTIC = {0x02: "GP-0091", 0x03: "GP-0091", 0xF1: "GP-0072", 0xF3: "GP-0074", 0xF5: "GP-0076"}
# Keep Alive is a command id written to the settings characteristic (BLE spec, "Control" / "Keep Alive").
SETTINGS_CHARACTERISTIC_COMMANDS = {0x5B}


def key(text):
    k = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()
    return k


def main():
    spec_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "spec")
    with open(os.path.join(spec_dir, "references.json"), encoding="utf-8") as f:
        ref = json.load(f)
    with open(os.path.join(spec_dir, "http", "openapi.json"), encoding="utf-8") as f:
        openapi = json.load(f)

    http_ops = {}
    for path, item in openapi["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                http_ops[op["operationId"]] = {"method": method.upper(), "path": path, "summary": op.get("summary")}

    models = [{"key": key(name), "name": name, "modelId": c["id"], "serialPrefix": c["serial_prefix"],
               "firmwareCode": c["code"]}
              for name, c in sorted(ref["cameras"].items(), key=lambda kv: kv[1]["order"])]
    order = [m["name"] for m in models]

    def model_list(names):
        unknown = set(names) - set(order)
        if unknown:
            sys.exit(f"unknown camera models {sorted(unknown)}")
        return [m for m in order if m in names]

    operations = [operation(spec_id, op, http_ops, model_list) for spec_id, op in ref["operations"].items()]
    operations += [dict(e, models=model_list(e["models"])) for e in EXTENSIONS]
    operations.sort(key=lambda o: o["key"])
    unique([o["key"] for o in operations], "operation keys")

    settings = []
    for sid, s in ref["settings"].items():
        if s["format"] not in FORMATS:
            sys.exit(f"setting {sid}: unknown format {s['format']}")
        options = [{"value": int(v), "name": o["name"], "models": model_list(o["cameras"])}
                   for v, o in s.get("options", {}).items()]
        options.sort(key=lambda o: o["value"])
        unique([o["name"] for o in options], f"option names of setting {sid}")
        settings.append({"id": int(sid), "key": constant(s["name"], "SETTING"), "name": s["name"],
                         "format": FORMATS[s["format"]], "models": model_list(s["cameras"]), "options": options})
    settings.sort(key=lambda s: s["id"])
    unique([s["key"] for s in settings], "setting keys")

    statuses = []
    for sid, s in ref["statuses"].items():
        entry = {"id": int(sid), "key": constant(s["name"], "STATUS"), "name": s["name"], "type": s["type"],
                 "models": model_list(s["cameras"])}
        if "values" in s:
            entry["values"] = {str(int(v)): n for v, n in sorted(s["values"].items(), key=lambda kv: int(kv[0]))}
        statuses.append(entry)
    statuses.sort(key=lambda s: s["id"])
    unique([s["key"] for s in statuses], "status keys")

    catalog = {"source": "Open GoPro specification, references.json and http/openapi.json",
               "models": models, "operations": operations, "settings": settings, "statuses": statuses}
    os.makedirs(os.path.dirname(RESOURCE), exist_ok=True)
    with open(RESOURCE, "w", encoding="utf-8", newline="\n") as f:
        f.write(text_format(catalog))
    java_enums(catalog)
    print(f"catalog: {len(models)} models, {len(operations)} operations, {len(settings)} settings, "
          f"{len(statuses)} statuses")


def _snake(name):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def _scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped + '"'


def _fields(obj, indent):
    pad = "  " * indent
    out = []
    for name, value in obj.items():
        field = _snake(name)
        if value is None:
            continue
        if field == "values" and isinstance(value, dict):
            for k, v in value.items():
                out.append(f"{pad}values {{ key: {int(k)} value: {_scalar(v)} }}")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    out.append(f"{pad}{field} {{")
                    out.extend(_fields(item, indent + 1))
                    out.append(f"{pad}}}")
                else:
                    out.append(f"{pad}{field}: {_scalar(item)}")
        else:
            out.append(f"{pad}{field}: {_scalar(value)}")
    return out


def text_format(catalog):
    """The catalog as protobuf text format of camrig_catalog.CatalogFile (camrig_ext/catalog.proto)."""
    head = "# proto-file: camrig_ext/catalog.proto\n# proto-message: camrig_catalog.CatalogFile\n"
    return head + "\n".join(_fields(catalog, 0)) + "\n"


# Operations the official SDKs use that references.json lacks; marked "extension": true and kept
# out of the checks against the spec. Ids from the SDKs (Python/Kotlin) and upstream's protobuf
# folder (request_get_camera_capabilities.proto, April 2026). Which models answer them is not
# published: the models listed are those of the operations they sit beside (camera control, sleep).
_CONTROL_MODELS = ["HERO10 Black", "HERO11 Black", "HERO11 Black Mini", "HERO12 Black", "HERO13 Black", "MAX 2",
                   "LIT HERO"]
EXTENSIONS = [
    {"key": "GET_CAMERA_CAPABILITIES", "specId": "EXT_GET_CAMERA_CAPABILITIES", "name": "Get Camera Capabilities",
     "kind": "protobuf", "protobuf": [
         {"feature": 0xF5, "action": 0x6C, "direction": "request", "message": "RequestGetCameraCapabilities"},
         {"feature": 0xF5, "action": 0xEC, "direction": "response", "message": "ResponseGetCameraCapabilities"}],
     "characteristic": "GP-0076", "ble": True, "http": None, "models": _CONTROL_MODELS, "extension": True},
    {"key": "POWER_DOWN", "specId": "EXT_POWER_DOWN", "name": "Power Down", "kind": "command", "commandId": 0x04,
     "characteristic": "GP-0072", "ble": True, "http": None,
     "models": ["HERO9 Black", "HERO10 Black", "HERO11 Black", "HERO11 Black Mini", "HERO12 Black", "HERO13 Black",
                "MAX 2"], "extension": True},
    {"key": "RELEASE_NETWORK", "specId": "EXT_RELEASE_NETWORK", "name": "Release Network", "kind": "protobuf",
     "protobuf": [
         {"feature": 0xF1, "action": 0x78, "direction": "request", "message": "RequestReleaseNetwork"},
         {"feature": 0xF1, "action": 0xF8, "direction": "response", "message": "ResponseGeneric"}],
     "characteristic": "GP-0072", "ble": True, "http": None, "models": _CONTROL_MODELS, "extension": True},
]


def operation(spec_id, op, http_ops, model_list):
    protocols = op.get("protocols", {})
    http = None
    if "http" in protocols:
        ref_id = protocols["http"].split("/operation/")[-1]
        found = http_ops.get(spec_id) or http_ops.get(ref_id)
        http = f"{found['method']} {found['path']}" if found else ""
    name = op["name"]
    if op["type"] == "http":
        k = spec_id
        if spec_id in http_ops and http_ops[spec_id]["summary"]:
            name = http_ops[spec_id]["summary"]
    else:
        k = key(op["name"])
    entry = {"key": k, "specId": spec_id, "name": name}
    if op["type"] == "tlv":
        if op["tlvType"] == "command" and op.get("commandId") == "SettingID":
            entry["kind"] = "setting"
            entry["characteristic"] = "GP-0074"
        elif op["tlvType"] == "command":
            entry["kind"] = "command"
            entry["commandId"] = int(op["commandId"], 16)
            entry["characteristic"] = "GP-0074" if entry["commandId"] in SETTINGS_CHARACTERISTIC_COMMANDS else "GP-0072"
        elif op["tlvType"] == "query":
            entry["kind"] = "query"
            entry["queryId"] = int(op["commandId"], 16)
            entry["characteristic"] = "GP-0076"
        else:
            sys.exit(f"{spec_id}: unknown tlvType {op['tlvType']}")
    elif op["type"] == "protobuf":
        entry["kind"] = "protobuf"
        messages = [{"feature": int(m["featureId"], 16), "action": int(m["actionId"], 16), "direction": m["type"],
                     "message": m["message"]} for m in op["protobufMessages"]]
        entry["protobuf"] = messages
        requests = [m for m in messages if m["direction"] == "request"]
        if len(requests) != 1:
            sys.exit(f"{spec_id}: expected one request message, got {len(requests)}")
        entry["characteristic"] = FEATURE_CHARACTERISTIC[requests[0]["feature"]]
    elif op["type"] == "http":
        entry["kind"] = "http"
    else:
        sys.exit(f"{spec_id}: unknown type {op['type']}")
    entry["ble"] = "ble" in protocols
    entry["http"] = http
    entry["models"] = model_list(op["cameras"])
    return entry


def constant(name, prefix):
    k = key(name)
    return prefix + "_" + k if k[0].isdigit() else k


def unique(values, what):
    seen = set()
    for v in values:
        if v in seen:
            sys.exit(f"duplicate {what}: {v}")
        seen.add(v)


HEADER = """package io.camrig.proto.catalog;

// Generated by proto/tools/generate_catalog.py from the Open GoPro spec. Do not edit; run the generator.
"""


def java_enums(catalog):
    write_java("Setting", """
/**
 * Every setting of the Open GoPro spec (references.json {@code settings}), by id. Names, value
 * formats, options and which camera models support each option come from the {@link Catalog}:
 * {@code Setting.VIDEO_RESOLUTION.option("1080")} is the option with value 9.
 *
 * <p>Set over BLE as {@code [setting id][length][value]} on GP-0074 (uint8 settings one byte, uint64
 * settings eight, big-endian); read with queries 0x12 and 0x32 on GP-0076.
 *
 * <p>Source: Open GoPro BLE spec, "Settings"; references.json.
 */
public enum Setting {
""", [f"    /** {s['name']} ({s['id']}). */\n    {s['key']}({s['id']})" for s in catalog["settings"]], """
    private final int id;

    Setting(int id) {
        this.id = id;
    }

    /** The setting id, 0..255. */
    public int id() {
        return id;
    }

    /** What the catalog knows about this setting. */
    public SettingInfo info() {
        return Catalog.setting(id).orElseThrow();
    }

    /** The spec's name, e.g. {@code "Video Resolution"}. */
    public String displayName() {
        return info().name();
    }

    /** The options, by value. Empty for settings that take any value of their format. */
    public java.util.List<SettingOption> options() {
        return info().options();
    }

    /**
     * The option with this name or key, case-insensitive ({@code "1080"}, {@code "4K 4:3 V2"},
     * {@code "4k_4_3_v2"}).
     *
     * @throws IllegalArgumentException naming the options when there is none
     */
    public SettingOption option(String nameOrKey) {
        return info().option(nameOrKey);
    }

    /** The option with this value, when the spec lists one. */
    public java.util.Optional<SettingOption> option(long value) {
        return info().option(value);
    }

    /** The setting with this id. */
    public static java.util.Optional<Setting> of(int id) {
        for (Setting s : values()) {
            if (s.id == id) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
""")
    write_java("Status", """
/**
 * Every status of the Open GoPro spec (references.json {@code statuses}), by id. Names, value types
 * and enum value names come from the {@link Catalog}.
 *
 * <p>Read with query 0x13 on GP-0076 and pushed as 0x93 after registration with 0x53; each value is
 * an id-length-value triplet, integers big-endian.
 *
 * <p>Source: Open GoPro BLE spec, "Statuses"; references.json.
 */
public enum Status {
""", [f"    /** {s['name']} ({s['id']}, {s['type']}). */\n    {s['key']}({s['id']})" for s in catalog["statuses"]], """
    private final int id;

    Status(int id) {
        this.id = id;
    }

    /** The status id, 0..255. */
    public int id() {
        return id;
    }

    /** What the catalog knows about this status. */
    public StatusInfo info() {
        return Catalog.status(id).orElseThrow();
    }

    /** The spec's name, e.g. {@code "Busy"}. */
    public String displayName() {
        return info().name();
    }

    /** The status with this id. */
    public static java.util.Optional<Status> of(int id) {
        for (Status s : values()) {
            if (s.id == id) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
""")
    write_java("Operation", """
/**
 * Every operation of the Open GoPro spec (references.json {@code operations}): BLE TLV commands,
 * setting changes and queries, BLE protobuf operations and HTTP-only operations. Ids, messages,
 * transports and supporting models come from the {@link Catalog}.
 *
 * <p>Source: Open GoPro BLE spec, "ID Tables"; HTTP spec (openapi.json); references.json.
 */
public enum Operation {
""", [f"    /** {o['name']} ({o['specId']}{', BLE' if o['ble'] else ''}{', HTTP' if o['http'] is not None else ''}{'; extension, not in the published spec' if o.get('extension') else ''}). */\n"
      f"    {o['key']}(\"{o['specId']}\")" for o in catalog["operations"]], """
    private final String specId;

    Operation(String specId) {
        this.specId = specId;
    }

    /** The spec's operation id, e.g. {@code GPCAMERA_SHUTTER}. */
    public String specId() {
        return specId;
    }

    /** What the catalog knows about this operation. */
    public OperationInfo info() {
        return Catalog.operation(this);
    }

    /** {@code true} when the operation has a BLE form. */
    public boolean isBle() {
        return info().ble();
    }

    /** The operation with this spec id. */
    public static java.util.Optional<Operation> bySpecId(String specId) {
        for (Operation o : values()) {
            if (o.specId.equals(specId)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
""")
    write_java("CameraModel", """
/**
 * The camera models of the Open GoPro spec (references.json {@code cameras}), in release order:
 * the model id Get Hardware Info (0x3C) reports and the serial number prefix.
 *
 * <p>Source: Open GoPro spec, references.json; BLE "Query" / "Get Hardware Info".
 */
public enum CameraModel {
""", [f"    /** {m['name']}: model id {m['modelId']}, serials {m['serialPrefix']}…. */\n"
      f"    {m['key']}(\"{m['name']}\", {m['modelId']}, \"{m['serialPrefix']}\", \"{m['firmwareCode']}\")"
      for m in catalog["models"]], """
    private final String displayName;
    private final int modelId;
    private final String serialPrefix;
    private final String firmwareCode;

    CameraModel(String displayName, int modelId, String serialPrefix, String firmwareCode) {
        this.displayName = displayName;
        this.modelId = modelId;
        this.serialPrefix = serialPrefix;
        this.firmwareCode = firmwareCode;
    }

    /** The spec's name, e.g. {@code "HERO12 Black"}. */
    public String displayName() {
        return displayName;
    }

    /** The model id (Get Hardware Info's model number), e.g. 62. */
    public int modelId() {
        return modelId;
    }

    /** The first four characters of every serial number of this model, e.g. {@code "C350"}. */
    public String serialPrefix() {
        return serialPrefix;
    }

    /** The firmware code, the start of every firmware version, e.g. {@code "H23.01"}. */
    public String firmwareCode() {
        return firmwareCode;
    }

    /** The model with this model id. */
    public static java.util.Optional<CameraModel> byModelId(int modelId) {
        for (CameraModel m : values()) {
            if (m.modelId == modelId) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    /** The model with this display name, case-insensitive. */
    public static java.util.Optional<CameraModel> byName(String name) {
        for (CameraModel m : values()) {
            if (m.displayName.equalsIgnoreCase(name.trim())) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
""")


def write_java(name, head, constants, tail):
    text = HEADER + head + ",\n".join(constants) + ";\n" + tail
    with open(os.path.join(JAVA, name + ".java"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
