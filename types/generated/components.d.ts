import type { Schema, Struct } from '@strapi/strapi';

export interface DatasetResource extends Struct.ComponentSchema {
  collectionName: 'components_dataset_resources';
  info: {
    description: 'One file, link, map layer or live view of a dataset (a CKAN resource).';
    displayName: 'Resource';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    file: Schema.Attribute.Media<'files' | 'images'>;
    format: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    key: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 36;
      }>;
    layerSlug: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    restricted: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    source: Schema.Attribute.Enumeration<['file', 'url', 'layer', 'live']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'file'>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    view: Schema.Attribute.Enumeration<
      [
        'poles_map',
        'complaints_by_month',
        'complaints_by_category',
        'tax_by_year',
        'complaints_by_status',
        'complaints_by_village',
        'complaints_assessment',
        'e_service_by_service',
        'satisfaction_ratings',
      ]
    >;
  };
}

export interface EformAddress extends Struct.ComponentSchema {
  collectionName: 'components_eform_address';
  info: {
    description: 'House number, village, subdistrict, district, province';
    displayName: 'Address';
    icon: 'pencil';
  };
  attributes: {
    defaultDistrict: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    defaultProvince: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    defaultSubdistrict: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformChoice extends Struct.ComponentSchema {
  collectionName: 'components_eform_choice';
  info: {
    description: 'One or several of a list';
    displayName: 'Choice';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    multiple: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    optionsEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
    optionsTh: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformConsent extends Struct.ComponentSchema {
  collectionName: 'components_eform_consent';
  info: {
    description: 'A statement the applicant accepts';
    displayName: 'Consent';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    textEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    textTh: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface EformDate extends Struct.ComponentSchema {
  collectionName: 'components_eform_date';
  info: {
    description: 'A calendar date';
    displayName: 'Date';
    icon: 'pencil';
  };
  attributes: {
    allow: Schema.Attribute.Enumeration<['any', 'past', 'future']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'any'>;
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformEmail extends Struct.ComponentSchema {
  collectionName: 'components_eform_email';
  info: {
    description: 'An e-mail address';
    displayName: 'E-mail';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformFile extends Struct.ComponentSchema {
  collectionName: 'components_eform_file';
  info: {
    description: 'Documents or photos attached';
    displayName: 'File upload';
    icon: 'pencil';
  };
  attributes: {
    accept: Schema.Attribute.Enumeration<['pdf_images', 'pdf', 'images']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pdf_images'>;
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    maxFiles: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    maxSizeMb: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 10;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformLocation extends Struct.ComponentSchema {
  collectionName: 'components_eform_location';
  info: {
    description: 'A place picked on a map';
    displayName: 'Point on a map';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformLongText extends Struct.ComponentSchema {
  collectionName: 'components_eform_long_text';
  info: {
    description: 'Several lines of text';
    displayName: 'Long text';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    maxLength: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 5000;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<2000>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformNationalId extends Struct.ComponentSchema {
  collectionName: 'components_eform_national_id';
  info: {
    description: '13 digits, check digit validated';
    displayName: 'Thai national ID';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformNumber extends Struct.ComponentSchema {
  collectionName: 'components_eform_number';
  info: {
    description: 'A number, with its limits';
    displayName: 'Number';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    integer: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    max: Schema.Attribute.Decimal;
    min: Schema.Attribute.Decimal;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    unitEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    unitTh: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
  };
}

export interface EformPhone extends Struct.ComponentSchema {
  collectionName: 'components_eform_phone';
  info: {
    description: 'A Thai phone number';
    displayName: 'Phone';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformShortText extends Struct.ComponentSchema {
  collectionName: 'components_eform_short_text';
  info: {
    description: 'One line of text';
    displayName: 'Short text';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    maxLength: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 500;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<200>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface EformYesNo extends Struct.ComponentSchema {
  collectionName: 'components_eform_yes_no';
  info: {
    description: 'A yes/no question';
    displayName: 'Yes or no';
    icon: 'pencil';
  };
  attributes: {
    helpEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    helpTh: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface SurveyChoice extends Struct.ComponentSchema {
  collectionName: 'components_survey_choice';
  info: {
    description: 'One or several of a list (options one per line)';
    displayName: 'Choice';
    icon: 'question';
  };
  attributes: {
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    multiple: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    optionsEn: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
    optionsTh: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface SurveyRating extends Struct.ComponentSchema {
  collectionName: 'components_survey_rating';
  info: {
    description: 'A score from 1 (poor) to 5 (excellent)';
    displayName: 'Rating 1\u20135';
    icon: 'question';
  };
  attributes: {
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface SurveyText extends Struct.ComponentSchema {
  collectionName: 'components_survey_text';
  info: {
    description: 'A free answer (never shown in public results)';
    displayName: 'Text';
    icon: 'question';
  };
  attributes: {
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    maxLength: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 2000;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1000>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface SurveyYesNo extends Struct.ComponentSchema {
  collectionName: 'components_survey_yes_no';
  info: {
    description: 'Yes or no';
    displayName: 'Yes / no';
    icon: 'question';
  };
  attributes: {
    labelEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    labelTh: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'dataset.resource': DatasetResource;
      'eform.address': EformAddress;
      'eform.choice': EformChoice;
      'eform.consent': EformConsent;
      'eform.date': EformDate;
      'eform.email': EformEmail;
      'eform.file': EformFile;
      'eform.location': EformLocation;
      'eform.long-text': EformLongText;
      'eform.national-id': EformNationalId;
      'eform.number': EformNumber;
      'eform.phone': EformPhone;
      'eform.short-text': EformShortText;
      'eform.yes-no': EformYesNo;
      'survey.choice': SurveyChoice;
      'survey.rating': SurveyRating;
      'survey.text': SurveyText;
      'survey.yes-no': SurveyYesNo;
    }
  }
}
