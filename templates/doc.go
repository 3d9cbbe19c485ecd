// Package templates holds the column specification shared by every workbook
// tonghop reads or writes: the canonical Vietnamese and English header of each
// column, the variants departments type instead, and the key/value labels of
// the "Thông tin" sheets. Template writing, reading and validation all use it,
// so a column is named in exactly one place.
package templates
