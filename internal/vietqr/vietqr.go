// Package vietqr writes the payloads of VietQR codes: bank transfers that
// any Vietnamese bank's app reads from a QR code, as NAPAS's VietQR
// specification builds them on EMVCo's merchant-presented QR code (EMV QRCPS
// MPM). See docs/PROCEDURES.md, "Fees".
package vietqr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// napasGUID names NAPAS's VietQR in the merchant account template (ID 38).
const napasGUID = "A000000727"

// Transfer is a payment by bank transfer to an account.
type Transfer struct {
	// BIN is the beneficiary bank's six-digit NAPAS acquirer ID (970415).
	BIN string
	// Account is the beneficiary's account number.
	Account string
	// Amount is the amount in đồng; 0 leaves it to the payer.
	Amount int64
	// Reference is what the transfer says (its purpose, ID 62-08): the
	// dossier's code, by which the payment is matched.
	Reference string
}

// Payload is the QR code's content: the EMVCo data objects as ID, length,
// value, ended by the CRC of everything before it.
func (t Transfer) Payload() (string, error) {
	if len(t.BIN) != 6 || strings.Trim(t.BIN, "0123456789") != "" {
		return "", errors.New("vietqr: the bank's BIN is six digits")
	}
	if t.Account == "" || len(t.Account) > 19 || strings.Trim(t.Account, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", errors.New("vietqr: the account is 1 to 19 digits or capital letters")
	}
	if t.Amount < 0 || t.Amount > 9_999_999_999_999 {
		return "", errors.New("vietqr: the amount is out of range")
	}
	if utf8.RuneCountInString(t.Reference) > 25 {
		return "", errors.New("vietqr: the reference has at most 25 characters")
	}
	initiation := "11" // static: the payer types the amount
	if t.Amount > 0 {
		initiation = "12" // dynamic: this payment only
	}
	var b strings.Builder
	b.WriteString(tlv("00", "01"))
	b.WriteString(tlv("01", initiation))
	b.WriteString(tlv("38", tlv("00", napasGUID)+tlv("01", tlv("00", t.BIN)+tlv("01", t.Account))+tlv("02", "QRIBFTTA")))
	b.WriteString(tlv("53", "704")) // đồng, ISO 4217
	if t.Amount > 0 {
		b.WriteString(tlv("54", strconv.FormatInt(t.Amount, 10)))
	}
	b.WriteString(tlv("58", "VN"))
	if t.Reference != "" {
		b.WriteString(tlv("62", tlv("08", t.Reference)))
	}
	return Seal(b.String()), nil
}

// Seal appends the CRC data object (ID 63) to a payload: "6304" and the
// CRC of the payload and those four characters.
func Seal(payload string) string {
	payload += "6304"
	return payload + fmt.Sprintf("%04X", CRC16([]byte(payload)))
}

// tlv is one data object: its ID, its value's length in characters, two
// digits, and the value.
func tlv(id, value string) string {
	return fmt.Sprintf("%s%02d%s", id, utf8.RuneCountInString(value), value)
}

// CRC16 is the CRC EMVCo's QR codes end with: CRC-16/CCITT-FALSE,
// polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
func CRC16(data []byte) uint16 {
	crc := uint16(0xFFFF)
	for _, b := range data {
		crc ^= uint16(b) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}
