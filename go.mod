module github.com/hotline12345/bulletin

go 1.26.0

require golang.org/x/text v0.44.0

require github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0 // indirect

require (
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
