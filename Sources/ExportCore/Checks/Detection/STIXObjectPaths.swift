/// The STIX 2.1 cyber-observable types and their top-level properties, which a pattern's object paths
/// (`file:hashes.'SHA-256'`) must name. Custom types (`x-…`) and custom properties (`x_…`) are let through.
enum STIXObjectPaths {
    /// Properties every cyber-observable has.
    static let common: Set<String> = [
        "type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged", "extensions",
    ]

    /// Each STIX 2.1 cyber-observable type's own properties (STIX 2.1 section 6).
    static let properties: [String: Set<String>] = [
        "artifact": ["mime_type", "payload_bin", "url", "hashes", "encryption_algorithm", "decryption_key"],
        "autonomous-system": ["number", "name", "rir"],
        "directory": ["path", "path_enc", "ctime", "mtime", "atime", "contains_refs"],
        "domain-name": ["value", "resolves_to_refs"],
        "email-addr": ["value", "display_name", "belongs_to_ref"],
        "email-message": [
            "is_multipart", "date", "content_type", "from_ref", "sender_ref", "to_refs", "cc_refs", "bcc_refs",
            "message_id", "subject", "received_lines", "additional_header_fields", "body", "body_multipart",
            "raw_email_ref",
        ],
        "file": [
            "hashes", "size", "name", "name_enc", "magic_number_hex", "mime_type", "ctime", "mtime", "atime",
            "parent_directory_ref", "contains_refs", "content_ref",
        ],
        "ipv4-addr": ["value", "resolves_to_refs", "belongs_to_refs"],
        "ipv6-addr": ["value", "resolves_to_refs", "belongs_to_refs"],
        "mac-addr": ["value"],
        "mutex": ["name"],
        "network-traffic": [
            "start", "end", "is_active", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "src_byte_count",
            "dst_byte_count", "src_packets", "dst_packets", "ipfix", "src_payload_ref", "dst_payload_ref",
            "encapsulates_refs", "encapsulated_by_ref",
        ],
        "process": [
            "is_hidden", "pid", "created_time", "cwd", "command_line", "environment_variables",
            "opened_connection_refs", "creator_user_ref", "image_ref", "parent_ref", "child_refs",
        ],
        "software": ["name", "cpe", "swid", "languages", "vendor", "version"],
        "url": ["value"],
        "user-account": [
            "user_id", "credential", "account_login", "account_type", "display_name", "is_service_account",
            "is_privileged", "can_escalate_privs", "is_disabled", "account_created", "account_expires",
            "credential_last_changed", "account_first_login", "account_last_login",
        ],
        "windows-registry-key": ["key", "values", "modified_time", "creator_user_ref", "number_of_subkeys"],
        "x509-certificate": [
            "is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer",
            "validity_not_before", "validity_not_after", "subject", "subject_public_key_algorithm",
            "subject_public_key_modulus", "subject_public_key_exponent", "x509_v3_extensions",
        ],
    ]

    /// Why `type:property` is not a path STIX defines, or `nil` when it is (or is custom).
    static func problem(type: String, property: String) -> (message: String, hint: String)? {
        if type.hasPrefix("x-") { return nil }
        guard let own = properties[type] else {
            let known = properties.keys.sorted()
            return ("unknown cyber-observable type '\(type)'",
                    Suggestion.hint(for: type, in: known, noun: "type") + " (custom types start with 'x-')")
        }
        if own.contains(property) || common.contains(property) || property.hasPrefix("x_") { return nil }
        return ("'\(type)' has no property '\(property)'",
                Suggestion.hint(for: property, in: own.sorted(), noun: "property") + " (custom properties start with 'x_')")
    }
}
