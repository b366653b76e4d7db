package object

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/cache"
)

// cryptMethod is how strings or streams are encrypted.
type cryptMethod uint8

const (
	methodNone cryptMethod = iota // Identity: not encrypted
	methodRC4
	methodAES    // AES-128, per-object keys
	methodAES256 // AES-256, the file key itself
)

// crypt is the standard security handler opened with the empty user
// password, the only one readers can supply for bulletins: revisions 2
// to 4 (RC4 40 to 128 bits, AES-128) and 5 and 6 (AES-256).
type crypt struct {
	key      []byte
	str, stm cryptMethod
}

// padding is the password padding of the standard security handler.
var padding = []byte{
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
	0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
}

// initCrypt sets up decryption when the trailer names an /Encrypt
// dictionary. A file that needs a user password fails with
// [block.ErrEncrypted]; another security handler with
// [block.ErrUnsupported].
func (d *Doc) initCrypt() error {
	d.crypt = nil
	ev := d.trailer["Encrypt"]
	if ev == nil {
		return nil
	}
	if r, ok := ev.(ref); ok {
		d.encRef = r
		d.cache.Delete(r.num) // read it again, not decrypted
	}
	e := d.value(ev)
	if e.Kind() != Dict {
		return fmt.Errorf("%w: /Encrypt is %s, not a dictionary", block.ErrFormat, e)
	}
	if f := e.Key("Filter").Name(); f != "Standard" {
		return fmt.Errorf("%w: security handler %q", block.ErrUnsupported, f)
	}
	v, r := e.Key("V").Int(), e.Key("R").Int()
	o, u := []byte(e.Key("O").Bytes()), []byte(e.Key("U").Bytes())
	c := &crypt{}
	switch {
	case r >= 2 && r <= 4:
		if len(o) < 32 || len(u) < 32 {
			return fmt.Errorf("%w: /Encrypt /O or /U too short", block.ErrFormat)
		}
		n := 5
		if r >= 3 {
			n = 16
			if l := e.Key("Length"); l.IsNumber() && v != 4 {
				n = l.Int() / 8
			}
			if n < 5 || n > 16 {
				return fmt.Errorf("%w: key length %d bits", block.ErrFormat, n*8)
			}
		}
		c.str, c.stm = methodRC4, methodRC4
		if v == 4 {
			c.stm = cryptFilter(e, "StmF")
			c.str = cryptFilter(e, "StrF")
		}
		id := []byte(d.Trailer().Key("ID").Index(0).Bytes())
		meta := r < 4 || e.Key("EncryptMetadata").Kind() != Bool || e.Key("EncryptMetadata").x == true
		c.key = keyR4(o, uint32(int32(e.Key("P").Int())), id, n, r, meta)
		if !checkUserR4(c.key, u, id, r) {
			return fmt.Errorf("%w: a user password is needed", block.ErrEncrypted)
		}
	case r == 5 || r == 6:
		ue := []byte(e.Key("UE").Bytes())
		if len(u) < 48 || len(ue) < 32 {
			return fmt.Errorf("%w: /Encrypt /U or /UE too short", block.ErrFormat)
		}
		hashFn := func(salt []byte) []byte {
			if r == 5 {
				h := sha256.Sum256(salt)
				return h[:]
			}
			return hashR6(nil, salt, nil)
		}
		if !bytes.Equal(hashFn(u[32:40]), u[:32]) {
			return fmt.Errorf("%w: a user password is needed", block.ErrEncrypted)
		}
		bc, err := aes.NewCipher(hashFn(u[40:48]))
		if err != nil {
			return err
		}
		c.key = make([]byte, 32)
		cipher.NewCBCDecrypter(bc, make([]byte, 16)).CryptBlocks(c.key, ue[:32])
		c.str, c.stm = methodAES256, methodAES256
		if v >= 4 {
			c.stm = cryptFilter(e, "StmF")
			c.str = cryptFilter(e, "StrF")
		}
	default:
		return fmt.Errorf("%w: standard security handler revision %d", block.ErrUnsupported, r)
	}
	d.crypt = c
	// Objects read so far (the catalog, while looking for the trailer)
	// were not decrypted.
	d.cache = cache.New[uint32, any]()
	d.objStms = cache.New[uint32, *objStm]()
	return nil
}

// cryptFilter returns the method of the crypt filter named by the /StmF
// or /StrF entry.
func cryptFilter(e Value, key string) cryptMethod {
	n := e.Key(key).Name()
	if n == "" || n == "Identity" {
		return methodNone
	}
	switch e.Key("CF").Key(n).Key("CFM").Name() {
	case "V2":
		return methodRC4
	case "AESV2":
		return methodAES
	case "AESV3":
		return methodAES256
	}
	return methodNone
}

// keyR4 computes the file key from the empty user password (algorithm 2
// of the standard security handler).
func keyR4(o []byte, p uint32, id []byte, n, r int, encryptMetadata bool) []byte {
	h := md5.New()
	h.Write(padding)
	h.Write(o[:32])
	var pb [4]byte
	binary.LittleEndian.PutUint32(pb[:], p)
	h.Write(pb[:])
	h.Write(id)
	if r >= 4 && !encryptMetadata {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	sum := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(sum[:n])
			sum = s[:]
		}
	}
	return sum[:n]
}

// checkUserR4 reports whether key opens the file with the empty user
// password (algorithms 4 and 5).
func checkUserR4(key, u, id []byte, r int) bool {
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		got := make([]byte, 32)
		c.XORKeyStream(got, padding)
		return bytes.Equal(got, u[:32])
	}
	h := md5.New()
	h.Write(padding)
	h.Write(id)
	x := h.Sum(nil)
	k := make([]byte, len(key))
	for i := 0; i < 20; i++ {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(x, x)
	}
	return bytes.Equal(x, u[:16])
}

// hashR6 is the hash of revision 6 (algorithm 2.B).
func hashR6(password, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		seq := make([]byte, 0, len(password)+len(k)+len(udata))
		seq = append(append(append(seq, password...), k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		b, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(b, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, x := range e[:16] {
			sum += int(x)
		}
		var next hash.Hash
		switch sum % 3 {
		case 0:
			next = sha256.New()
		case 1:
			next = sha512.New384()
		default:
			next = sha512.New()
		}
		next.Write(e)
		k = next.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// objectKey returns the key for one object's strings and streams
// (algorithm 1).
func (c *crypt) objectKey(r ref, aesSalt bool) []byte {
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(r.num), byte(r.num >> 8), byte(r.num >> 16), byte(r.gen), byte(r.gen >> 8)})
	if aesSalt {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts one string or stream of object r.
func (c *crypt) decrypt(m cryptMethod, data []byte, r ref) ([]byte, error) {
	switch m {
	case methodRC4:
		ciph, _ := rc4.NewCipher(c.objectKey(r, false))
		out := make([]byte, len(data))
		ciph.XORKeyStream(out, data)
		return out, nil
	case methodAES, methodAES256:
		key := c.key
		if m == methodAES {
			key = c.objectKey(r, true)
		}
		if len(data) < 16 || len(data)%16 != 0 {
			if len(data) == 0 {
				return data, nil
			}
			return nil, fmt.Errorf("%w: AES data of %d bytes", block.ErrFormat, len(data))
		}
		b, err := aes.NewCipher(key)
		if err != nil {
			return nil, err
		}
		out := make([]byte, len(data)-16)
		cipher.NewCBCDecrypter(b, data[:16]).CryptBlocks(out, data[16:])
		// Remove the PKCS#5 padding, when it is well formed.
		if n := len(out); n > 0 {
			if p := int(out[n-1]); p >= 1 && p <= 16 && p <= n {
				out = out[:n-p]
			}
		}
		return out, nil
	}
	return data, nil
}

// decryptStream decrypts a stream's raw data.
func (c *crypt) decryptStream(data []byte, s *stream) ([]byte, error) {
	return c.decrypt(c.stm, data, s.ref)
}

// decryptStrings decrypts the strings of object r in place (the object
// was just parsed and is not shared yet); a stream's data is decrypted
// when it is read.
func (c *crypt) decryptStrings(x any, r ref) any {
	if c.str == methodNone {
		return x
	}
	switch v := x.(type) {
	case str:
		out, err := c.decrypt(c.str, []byte(v), r)
		if err != nil {
			return v
		}
		return str(out)
	case array:
		for i, e := range v {
			v[i] = c.decryptStrings(e, r)
		}
	case dict:
		if v["Type"] == name("XRef") {
			return v
		}
		for k, e := range v {
			v[k] = c.decryptStrings(e, r)
		}
	case *stream:
		c.decryptStrings(v.hdr, r)
	}
	return x
}
