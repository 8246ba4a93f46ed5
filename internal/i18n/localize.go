package i18n

import "reflect"

// Localizable is a value that carries messages by ID, such as a warning in
// an answer: Localize writes them with t in the reader's language.
type Localizable interface {
	Localize(t func(id string, args ...any) string)
}

var localizable = reflect.TypeFor[Localizable]()

// Localize writes, in the printer's language, the messages of every
// Localizable value that v (a pointer) holds, in its fields, slices, arrays,
// pointers and the slices of its maps, before v is sent as JSON.
func (p *Printer) Localize(v any) {
	walk(reflect.ValueOf(v), p.T)
}

func walk(v reflect.Value, t func(string, ...any) string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), t)
		}
		return
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), t)
		}
		return
	case reflect.Map:
		// A map's values cannot be changed in place; the slices and
		// pointers among them can.
		for _, k := range v.MapKeys() {
			walk(v.MapIndex(k), t)
		}
		return
	case reflect.Struct:
		if v.CanAddr() && v.Addr().Type().Implements(localizable) {
			v.Addr().Interface().(Localizable).Localize(t)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walk(v.Field(i), t)
			}
		}
	}
}
