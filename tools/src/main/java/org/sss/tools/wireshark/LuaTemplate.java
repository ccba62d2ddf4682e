package org.sss.tools.wireshark;

/**
 * The fixed part of the generated dissector: the code that walks the tables the generator writes.
 * It uses only these generated names: {@code sss} (the Proto), {@code FILTER}, {@code F_MAGIC}, {@code MAGIC_SIZE},
 * {@code DEFAULT_PORT}, {@code MAX_PAYLOAD}, {@code RULE_MAX_PAYLOAD}, {@code RULE_SHORT},
 * {@code RULE_UNKNOWN_MAGIC}, {@code PACKETS}, {@code RESERVED} and {@code FIELDS}.
 * Kinds SHORT and UNKNOWN are the names {@code sss dissect} gives datagrams without a valid magic.
 */
final class LuaTemplate {

    private LuaTemplate() {
    }

    /** The Lua code after the generated tables. */
    static final String CODE = """
            -- Everything below is the generator's fixed template (org.sss.tools.wireshark.LuaTemplate).

            local F_KIND = ProtoField.string(FILTER .. ".kind", "Packet kind", base.ASCII,
                "The packet kind the magic selects; SHORT and UNKNOWN when there is no valid magic")
            local F_LENGTH = ProtoField.uint32(FILTER .. ".length", "Length", base.DEC, nil, nil,
                "The UDP payload length in bytes")
            table.insert(FIELDS, 1, F_KIND)
            table.insert(FIELDS, 2, F_LENGTH)
            sss.fields = FIELDS

            local EX = {
                short = ProtoExpert.new(FILTER .. ".short", "Datagram shorter than the magic",
                    expert.group.MALFORMED, expert.severity.ERROR),
                unknown_magic = ProtoExpert.new(FILTER .. ".unknown_magic", "Unknown magic",
                    expert.group.MALFORMED, expert.severity.WARN),
                reserved_magic = ProtoExpert.new(FILTER .. ".reserved_magic", "Reserved magic, never sent",
                    expert.group.PROTOCOL, expert.severity.ERROR),
                bad_length = ProtoExpert.new(FILTER .. ".bad_length", "Wrong packet length",
                    expert.group.MALFORMED, expert.severity.ERROR),
                too_long = ProtoExpert.new(FILTER .. ".too_long", "UDP payload too long",
                    expert.group.PROTOCOL, expert.severity.ERROR),
                truncated = ProtoExpert.new(FILTER .. ".truncated", "Packet too short for its fields",
                    expert.group.MALFORMED, expert.severity.ERROR),
            }
            sss.experts = { EX.short, EX.unknown_magic, EX.reserved_magic, EX.bad_length, EX.too_long, EX.truncated }

            -- The length rule of the packet's kind broken by a datagram of n bytes, or nil.
            local function length_problem(rule, n)
                if rule.exact then
                    if n == rule.base then return nil end
                else
                    local m = n - rule.base
                    if m >= rule.min_m and m <= rule.max_m and m % rule.multiple == 0 then return nil end
                end
                return string.format("%s: %s, not %d", rule.id, rule.text, n)
            end

            -- Adds the fields of one layout from offset on; false once the range has too few bytes.
            local function add_fields(tvb, tree, layout, offset, limit)
                for _, d in ipairs(layout) do
                    local size = d.size
                    if size < 0 then size = limit - offset end
                    if offset + size > limit then
                        tree:add_proto_expert_info(EX.truncated, string.format(
                            "%s needs %d bytes at offset %d; %d remain", d.abbrev, size, offset, limit - offset))
                        return false
                    end
                    if size > 0 then
                        local item = tree:add(d.field, tvb(offset, size))
                        if d.children and not add_fields(tvb, item, d.children, offset, offset + size) then
                            return false
                        end
                    end
                    offset = offset + size
                end
                return true
            end

            local function dissect(tvb, pinfo, tree)
                local n = tvb:len()
                pinfo.cols.protocol = "SSS"
                local root = tree:add(sss, tvb())
                root:add(F_LENGTH, n):set_generated()
                local kind
                if n < MAGIC_SIZE then
                    kind = "SHORT"
                    root:add(F_KIND, kind):set_generated()
                    root:add_proto_expert_info(EX.short, string.format(
                        "%s: a datagram of %d bytes is shorter than the %d-byte magic", RULE_SHORT, n, MAGIC_SIZE))
                else
                    local magic = tvb(0, MAGIC_SIZE):bytes():tohex(true)
                    local magic_item = root:add(F_MAGIC, tvb(0, MAGIC_SIZE))
                    local packet = PACKETS[magic]
                    if packet then
                        kind = packet.kind
                    elseif RESERVED[magic] then
                        kind = RESERVED[magic].kind
                        root:add_proto_expert_info(EX.reserved_magic, string.format(
                            "%s: the reserved %s magic is never sent", RESERVED[magic].id, kind))
                    else
                        kind = "UNKNOWN"
                        root:add_proto_expert_info(EX.unknown_magic, string.format(
                            "%s: the first %d bytes are not one of the magics", RULE_UNKNOWN_MAGIC, MAGIC_SIZE))
                    end
                    magic_item:append_text(" (" .. kind .. ")")
                    root:add(F_KIND, kind):set_generated()
                    if packet then
                        add_fields(tvb, root, packet.fields, MAGIC_SIZE, n)
                        local problem = length_problem(packet.size, n)
                        if problem then root:add_proto_expert_info(EX.bad_length, problem) end
                    end
                end
                if n > MAX_PAYLOAD then
                    root:add_proto_expert_info(EX.too_long, string.format(
                        "%s: a UDP payload of %d bytes exceeds %d", RULE_MAX_PAYLOAD, n, MAX_PAYLOAD))
                end
                root:append_text(string.format(", %s, %d bytes", kind, n))
                pinfo.cols.info = string.format("%s, %d bytes", kind, n)
                return n
            end
            sss.dissector = dissect

            -- Heuristic: any UDP datagram that begins with a magic of the spec, on any port.
            local function heuristic(tvb, pinfo, tree)
                if tvb:len() < MAGIC_SIZE then return false end
                local magic = tvb(0, MAGIC_SIZE):bytes():tohex(true)
                if PACKETS[magic] == nil and RESERVED[magic] == nil then return false end
                dissect(tvb, pinfo, tree)
                return true
            end
            sss:register_heuristic("udp", heuristic)

            -- Port: every datagram on the preferred port, whatever its first bytes.
            sss.prefs.udp_port = Pref.uint("UDP port", DEFAULT_PORT,
                "Decode every UDP datagram to or from this port as SSS (0: none; other ports by heuristic)")
            local udp_port_table = DissectorTable.get("udp.port")
            local registered_port = 0
            local function register_port(port)
                if registered_port ~= 0 then udp_port_table:remove(registered_port, sss) end
                registered_port = port
                if port ~= 0 then udp_port_table:add(port, sss) end
            end
            function sss.prefs_changed()
                if sss.prefs.udp_port ~= registered_port then register_port(sss.prefs.udp_port) end
            end
            register_port(DEFAULT_PORT)
            """;
}
