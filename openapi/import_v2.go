package openapi

import "github.com/apigw/apigw/extensions/apimodel"

func (im *importer) v2() *apimodel.V2Dump { return nil }
