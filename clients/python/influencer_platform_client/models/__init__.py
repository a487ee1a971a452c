"""Contains all the data models used in inputs/outputs"""

from .accept_body import AcceptBody
from .action import Action
from .adjustment_public import AdjustmentPublic
from .allocated import Allocated
from .amount_public import AmountPublic
from .amplification_body import AmplificationBody
from .amplification_body_platform import AmplificationBodyPlatform
from .amplification_kind import AmplificationKind
from .amplification_public import AmplificationPublic
from .amplification_state import AmplificationState
from .api_key_create import ApiKeyCreate
from .api_key_create_scopes_item import ApiKeyCreateScopesItem
from .api_key_created import ApiKeyCreated
from .api_key_creator import ApiKeyCreator
from .api_key_public import ApiKeyPublic
from .approve_body import ApproveBody
from .asset_public import AssetPublic
from .asset_status import AssetStatus
from .attribution_public import AttributionPublic
from .audience_in import AudienceIn
from .audience_in_ages import AudienceInAges
from .audience_in_countries import AudienceInCountries
from .audience_in_genders import AudienceInGenders
from .audience_public import AudiencePublic
from .audience_public_ages import AudiencePublicAges
from .audience_public_countries import AudiencePublicCountries
from .audience_public_genders import AudiencePublicGenders
from .authenticity_public import AuthenticityPublic
from .brand_in import BrandIn
from .brand_public import BrandPublic
from .brand_work_public import BrandWorkPublic
from .brief_body import BriefBody
from .brief_overrides_body import BriefOverridesBody
from .brief_public import BriefPublic
from .brief_public_reference_assets_item import BriefPublicReferenceAssetsItem
from .budget_public import BudgetPublic
from .campaign_action import CampaignAction
from .campaign_cancel import CampaignCancel
from .campaign_create import CampaignCreate
from .campaign_create_kpis import CampaignCreateKpis
from .campaign_metric_settings_in import CampaignMetricSettingsIn
from .campaign_metrics import CampaignMetrics
from .campaign_overview_response_campaign_overview import CampaignOverviewResponseCampaignOverview
from .campaign_public import CampaignPublic
from .campaign_public_kpis import CampaignPublicKpis
from .campaign_state import CampaignState
from .campaign_update import CampaignUpdate
from .campaign_update_kpis import CampaignUpdateKpis
from .cell_warning_public import CellWarningPublic
from .collaboration_type import CollaborationType
from .column_choice_public import ColumnChoicePublic
from .comment_in import CommentIn
from .comment_public import CommentPublic
from .commission_fee import CommissionFee
from .commission_fee_public import CommissionFeePublic
from .competitor_work_public import CompetitorWorkPublic
from .compliance_report import ComplianceReport
from .compliance_summary import ComplianceSummary
from .contact_in import ContactIn
from .content_quality_part import ContentQualityPart
from .content_quality_public import ContentQualityPublic
from .conversion_batch import ConversionBatch
from .conversion_in import ConversionIn
from .conversion_in_type import ConversionInType
from .conversion_public import ConversionPublic
from .conversion_result import ConversionResult
from .conversion_results import ConversionResults
from .counter_body import CounterBody
from .coverage_public import CoveragePublic
from .creative_freedom import CreativeFreedom
from .creator_create import CreatorCreate
from .decision import Decision
from .deliverable import Deliverable
from .deliverable_detail import DeliverableDetail
from .deliverable_public import DeliverablePublic
from .deliverable_state import DeliverableState
from .deliverable_terms import DeliverableTerms
from .deliverable_terms_public import DeliverableTermsPublic
from .deliverable_terms_type import DeliverableTermsType
from .delivery_public import DeliveryPublic
from .effective_brief_public import EffectiveBriefPublic
from .effective_brief_public_reference_assets_item import EffectiveBriefPublicReferenceAssetsItem
from .emv_values_in import EmvValuesIn
from .emv_values_in_currency import EmvValuesInCurrency
from .emv_values_in_per_mille_minor import EmvValuesInPerMilleMinor
from .emv_values_public import EmvValuesPublic
from .emv_values_public_per_mille_minor import EmvValuesPublicPerMilleMinor
from .exchange_rate_create import ExchangeRateCreate
from .exchange_rate_create_base import ExchangeRateCreateBase
from .exchange_rate_create_quote import ExchangeRateCreateQuote
from .exchange_rate_public import ExchangeRatePublic
from .exclusivity_public import ExclusivityPublic
from .exclusivity_terms import ExclusivityTerms
from .field_problem import FieldProblem
from .filters_in import FiltersIn
from .filters_in_min_audience_age_share import FiltersInMinAudienceAgeShare
from .filters_in_min_audience_country_share import FiltersInMinAudienceCountryShare
from .filters_in_min_audience_gender_share import FiltersInMinAudienceGenderShare
from .finding_public import FindingPublic
from .finding_public_severity import FindingPublicSeverity
from .fixed_fee import FixedFee
from .fixed_fee_public import FixedFeePublic
from .get_influencer_performance_currency_type_0 import GetInfluencerPerformanceCurrencyType0
from .gifting_fee import GiftingFee
from .gifting_fee_public import GiftingFeePublic
from .granularity import Granularity
from .growth_public import GrowthPublic
from .healthz_response_healthz import HealthzResponseHealthz
from .history_public import HistoryPublic
from .import_format import ImportFormat
from .import_influencers_currency_type_0 import ImportInfluencersCurrencyType0
from .import_influencers_files_body import ImportInfluencersFilesBody
from .import_job_public import ImportJobPublic
from .import_job_public_kind import ImportJobPublicKind
from .import_job_public_mapping import ImportJobPublicMapping
from .import_job_public_state import ImportJobPublicState
from .import_posts_files_body import ImportPostsFilesBody
from .import_preview_public import ImportPreviewPublic
from .import_preview_public_checks import ImportPreviewPublicChecks
from .import_preview_public_mapping import ImportPreviewPublicMapping
from .influencer_address import InfluencerAddress
from .influencer_address_public import InfluencerAddressPublic
from .influencer_create import InfluencerCreate
from .influencer_create_rate_card_type_0 import InfluencerCreateRateCardType0
from .influencer_detail import InfluencerDetail
from .influencer_detail_contact import InfluencerDetailContact
from .influencer_detail_engagement_rate_source_type_0 import InfluencerDetailEngagementRateSourceType0
from .influencer_detail_rate_card_type_0 import InfluencerDetailRateCardType0
from .influencer_performance import InfluencerPerformance
from .influencer_post_public import InfluencerPostPublic
from .influencer_public import InfluencerPublic
from .influencer_public_contact import InfluencerPublicContact
from .influencer_public_engagement_rate_source_type_0 import InfluencerPublicEngagementRateSourceType0
from .influencer_public_rate_card_type_0 import InfluencerPublicRateCardType0
from .influencer_summary import InfluencerSummary
from .influencer_update import InfluencerUpdate
from .influencer_update_rate_card_type_0 import InfluencerUpdateRateCardType0
from .insight_snapshot_public import InsightSnapshotPublic
from .insight_snapshot_public_metrics import InsightSnapshotPublicMetrics
from .insights_accepted import InsightsAccepted
from .invitation_create import InvitationCreate
from .invitation_create_role import InvitationCreateRole
from .invitation_created import InvitationCreated
from .invitation_join import InvitationJoin
from .invitation_public import InvitationPublic
from .invitation_state import InvitationState
from .inviter import Inviter
from .joined import Joined
from .kpis_public import KpisPublic
from .list_influencers_audience_age_type_0 import ListInfluencersAudienceAgeType0
from .list_influencers_audience_gender_type_0 import ListInfluencersAudienceGenderType0
from .list_influencers_currency import ListInfluencersCurrency
from .lookalike_public import LookalikePublic
from .lookalikes_response import LookalikesResponse
from .market import Market
from .me import Me
from .media_item_public import MediaItemPublic
from .media_public import MediaPublic
from .media_public_kind import MediaPublicKind
from .media_type import MediaType
from .member_public import MemberPublic
from .member_update import MemberUpdate
from .member_update_role import MemberUpdateRole
from .message_public import MessagePublic
from .milestone_public import MilestonePublic
from .milestone_public_status import MilestonePublicStatus
from .milestone_terms import MilestoneTerms
from .milestone_trigger import MilestoneTrigger
from .money import Money
from .money_figure import MoneyFigure
from .money_figures import MoneyFigures
from .money_in import MoneyIn
from .money_in_currency import MoneyInCurrency
from .my_invitation import MyInvitation
from .near_caption_public import NearCaptionPublic
from .note_create import NoteCreate
from .note_public import NotePublic
from .objective import Objective
from .org_create import OrgCreate
from .org_create_kind import OrgCreateKind
from .org_kind import OrgKind
from .org_public import OrgPublic
from .org_summary import OrgSummary
from .origin import Origin
from .owner_create import OwnerCreate
from .pacing_public import PacingPublic
from .page_amplification_public import PageAmplificationPublic
from .page_asset_public import PageAssetPublic
from .page_brief_public import PageBriefPublic
from .page_campaign_public import PageCampaignPublic
from .page_conversion_public import PageConversionPublic
from .page_deliverable_public import PageDeliverablePublic
from .page_delivery_public import PageDeliveryPublic
from .page_exchange_rate_public import PageExchangeRatePublic
from .page_influencer_post_public import PageInfluencerPostPublic
from .page_influencer_public import PageInfluencerPublic
from .page_insight_snapshot_public import PageInsightSnapshotPublic
from .page_message_public import PageMessagePublic
from .page_note_public import PageNotePublic
from .page_partnership_public import PagePartnershipPublic
from .page_promo_code_public import PagePromoCodePublic
from .page_rejection_public import PageRejectionPublic
from .page_report_share_public import PageReportSharePublic
from .page_shortlist_entry_public import PageShortlistEntryPublic
from .page_snapshot_public import PageSnapshotPublic
from .page_submission_public import PageSubmissionPublic
from .page_template_public import PageTemplatePublic
from .page_tracking_link_public import PageTrackingLinkPublic
from .page_webhook_public import PageWebhookPublic
from .partnership_action import PartnershipAction
from .partnership_create import PartnershipCreate
from .partnership_detail import PartnershipDetail
from .partnership_metrics import PartnershipMetrics
from .partnership_public import PartnershipPublic
from .partnership_state import PartnershipState
from .party import Party
from .payments_public import PaymentsPublic
from .payout_public import PayoutPublic
from .per_deliverable_fee import PerDeliverableFee
from .per_deliverable_fee_public import PerDeliverableFeePublic
from .performance_public import PerformancePublic
from .platform import Platform
from .positive_money_in import PositiveMoneyIn
from .positive_money_in_currency import PositiveMoneyInCurrency
from .post_format import PostFormat
from .post_metrics import PostMetrics
from .post_public import PostPublic
from .problem import Problem
from .promo_code_create import PromoCodeCreate
from .promo_code_public import PromoCodePublic
from .propose_body import ProposeBody
from .publish_body import PublishBody
from .ranked_hit_public import RankedHitPublic
from .ranked_hit_public_parts import RankedHitPublicParts
from .ranked_search_request import RankedSearchRequest
from .ranked_search_response import RankedSearchResponse
from .ranked_search_response_weights import RankedSearchResponseWeights
from .rate_used_public import RateUsedPublic
from .reason_body import ReasonBody
from .reason_public import ReasonPublic
from .reference_asset_in import ReferenceAssetIn
from .rejection_public import RejectionPublic
from .report_format import ReportFormat
from .report_share_create import ReportShareCreate
from .report_share_created import ReportShareCreated
from .report_share_public import ReportSharePublic
from .request_changes_body import RequestChangesBody
from .review_public import ReviewPublic
from .role import Role
from .rule_public import RulePublic
from .schedule_body import ScheduleBody
from .scheduled_payment_public import ScheduledPaymentPublic
from .score_part import ScorePart
from .series_point_public import SeriesPointPublic
from .shared_report_format_type_0 import SharedReportFormatType0
from .shortlist_add import ShortlistAdd
from .shortlist_entry_public import ShortlistEntryPublic
from .sign_body import SignBody
from .signature_public import SignaturePublic
from .signup_confirm import SignupConfirm
from .signup_confirmed import SignupConfirmed
from .signup_pending import SignupPending
from .snapshot_batch import SnapshotBatch
from .snapshot_in import SnapshotIn
from .snapshot_in_metrics import SnapshotInMetrics
from .snapshot_public import SnapshotPublic
from .sort import Sort
from .span_in import SpanIn
from .span_public import SpanPublic
from .sponsor_signal import SponsorSignal
from .sponsored_history_public import SponsoredHistoryPublic
from .sponsorship_public import SponsorshipPublic
from .submission_body import SubmissionBody
from .submission_body_format import SubmissionBodyFormat
from .submission_body_platform import SubmissionBodyPlatform
from .submission_public import SubmissionPublic
from .submission_status import SubmissionStatus
from .tags_in import TagsIn
from .tags_public import TagsPublic
from .target_audience import TargetAudience
from .target_audience_in import TargetAudienceIn
from .target_audience_in_age_buckets_item import TargetAudienceInAgeBucketsItem
from .target_audience_in_genders_item import TargetAudienceInGendersItem
from .target_pace_public import TargetPacePublic
from .template_create import TemplateCreate
from .template_public import TemplatePublic
from .template_update import TemplateUpdate
from .terms_document import TermsDocument
from .terms_public import TermsPublic
from .terms_version_public import TermsVersionPublic
from .tier import Tier
from .timeseries import Timeseries
from .token_request import TokenRequest
from .token_response import TokenResponse
from .totals_public import TotalsPublic
from .tracking_link_create import TrackingLinkCreate
from .tracking_link_public import TrackingLinkPublic
from .usage_rights_public import UsageRightsPublic
from .usage_rights_terms import UsageRightsTerms
from .usage_rights_terms_channels_item import UsageRightsTermsChannelsItem
from .user_public import UserPublic
from .utm_in import UtmIn
from .visibility import Visibility
from .voice_match_in import VoiceMatchIn
from .voice_match_public import VoiceMatchPublic
from .voice_match_public_verdict import VoiceMatchPublicVerdict
from .webhook_create import WebhookCreate
from .webhook_create_event_types_item import WebhookCreateEventTypesItem
from .webhook_created import WebhookCreated
from .webhook_created_state import WebhookCreatedState
from .webhook_creator import WebhookCreator
from .webhook_creator_kind import WebhookCreatorKind
from .webhook_public import WebhookPublic
from .webhook_public_state import WebhookPublicState
from .weighted_audience_in import WeightedAudienceIn
from .weighted_audience_in_age_buckets_type_0 import WeightedAudienceInAgeBucketsType0
from .weighted_audience_in_age_buckets_type_1_item import WeightedAudienceInAgeBucketsType1Item
from .weighted_audience_in_countries_type_0 import WeightedAudienceInCountriesType0
from .weighted_audience_in_genders_type_0 import WeightedAudienceInGendersType0
from .weighted_audience_in_genders_type_1_item import WeightedAudienceInGendersType1Item
from .weights_in import WeightsIn

__all__ = (
    "AcceptBody",
    "Action",
    "AdjustmentPublic",
    "Allocated",
    "AmountPublic",
    "AmplificationBody",
    "AmplificationBodyPlatform",
    "AmplificationKind",
    "AmplificationPublic",
    "AmplificationState",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreateScopesItem",
    "ApiKeyCreator",
    "ApiKeyPublic",
    "ApproveBody",
    "AssetPublic",
    "AssetStatus",
    "AttributionPublic",
    "AudienceIn",
    "AudienceInAges",
    "AudienceInCountries",
    "AudienceInGenders",
    "AudiencePublic",
    "AudiencePublicAges",
    "AudiencePublicCountries",
    "AudiencePublicGenders",
    "AuthenticityPublic",
    "BrandIn",
    "BrandPublic",
    "BrandWorkPublic",
    "BriefBody",
    "BriefOverridesBody",
    "BriefPublic",
    "BriefPublicReferenceAssetsItem",
    "BudgetPublic",
    "CampaignAction",
    "CampaignCancel",
    "CampaignCreate",
    "CampaignCreateKpis",
    "CampaignMetrics",
    "CampaignMetricSettingsIn",
    "CampaignOverviewResponseCampaignOverview",
    "CampaignPublic",
    "CampaignPublicKpis",
    "CampaignState",
    "CampaignUpdate",
    "CampaignUpdateKpis",
    "CellWarningPublic",
    "CollaborationType",
    "ColumnChoicePublic",
    "CommentIn",
    "CommentPublic",
    "CommissionFee",
    "CommissionFeePublic",
    "CompetitorWorkPublic",
    "ComplianceReport",
    "ComplianceSummary",
    "ContactIn",
    "ContentQualityPart",
    "ContentQualityPublic",
    "ConversionBatch",
    "ConversionIn",
    "ConversionInType",
    "ConversionPublic",
    "ConversionResult",
    "ConversionResults",
    "CounterBody",
    "CoveragePublic",
    "CreativeFreedom",
    "CreatorCreate",
    "Decision",
    "Deliverable",
    "DeliverableDetail",
    "DeliverablePublic",
    "DeliverableState",
    "DeliverableTerms",
    "DeliverableTermsPublic",
    "DeliverableTermsType",
    "DeliveryPublic",
    "EffectiveBriefPublic",
    "EffectiveBriefPublicReferenceAssetsItem",
    "EmvValuesIn",
    "EmvValuesInCurrency",
    "EmvValuesInPerMilleMinor",
    "EmvValuesPublic",
    "EmvValuesPublicPerMilleMinor",
    "ExchangeRateCreate",
    "ExchangeRateCreateBase",
    "ExchangeRateCreateQuote",
    "ExchangeRatePublic",
    "ExclusivityPublic",
    "ExclusivityTerms",
    "FieldProblem",
    "FiltersIn",
    "FiltersInMinAudienceAgeShare",
    "FiltersInMinAudienceCountryShare",
    "FiltersInMinAudienceGenderShare",
    "FindingPublic",
    "FindingPublicSeverity",
    "FixedFee",
    "FixedFeePublic",
    "GetInfluencerPerformanceCurrencyType0",
    "GiftingFee",
    "GiftingFeePublic",
    "Granularity",
    "GrowthPublic",
    "HealthzResponseHealthz",
    "HistoryPublic",
    "ImportFormat",
    "ImportInfluencersCurrencyType0",
    "ImportInfluencersFilesBody",
    "ImportJobPublic",
    "ImportJobPublicKind",
    "ImportJobPublicMapping",
    "ImportJobPublicState",
    "ImportPostsFilesBody",
    "ImportPreviewPublic",
    "ImportPreviewPublicChecks",
    "ImportPreviewPublicMapping",
    "InfluencerAddress",
    "InfluencerAddressPublic",
    "InfluencerCreate",
    "InfluencerCreateRateCardType0",
    "InfluencerDetail",
    "InfluencerDetailContact",
    "InfluencerDetailEngagementRateSourceType0",
    "InfluencerDetailRateCardType0",
    "InfluencerPerformance",
    "InfluencerPostPublic",
    "InfluencerPublic",
    "InfluencerPublicContact",
    "InfluencerPublicEngagementRateSourceType0",
    "InfluencerPublicRateCardType0",
    "InfluencerSummary",
    "InfluencerUpdate",
    "InfluencerUpdateRateCardType0",
    "InsightsAccepted",
    "InsightSnapshotPublic",
    "InsightSnapshotPublicMetrics",
    "InvitationCreate",
    "InvitationCreated",
    "InvitationCreateRole",
    "InvitationJoin",
    "InvitationPublic",
    "InvitationState",
    "Inviter",
    "Joined",
    "KpisPublic",
    "ListInfluencersAudienceAgeType0",
    "ListInfluencersAudienceGenderType0",
    "ListInfluencersCurrency",
    "LookalikePublic",
    "LookalikesResponse",
    "Market",
    "Me",
    "MediaItemPublic",
    "MediaPublic",
    "MediaPublicKind",
    "MediaType",
    "MemberPublic",
    "MemberUpdate",
    "MemberUpdateRole",
    "MessagePublic",
    "MilestonePublic",
    "MilestonePublicStatus",
    "MilestoneTerms",
    "MilestoneTrigger",
    "Money",
    "MoneyFigure",
    "MoneyFigures",
    "MoneyIn",
    "MoneyInCurrency",
    "MyInvitation",
    "NearCaptionPublic",
    "NoteCreate",
    "NotePublic",
    "Objective",
    "OrgCreate",
    "OrgCreateKind",
    "OrgKind",
    "OrgPublic",
    "OrgSummary",
    "Origin",
    "OwnerCreate",
    "PacingPublic",
    "PageAmplificationPublic",
    "PageAssetPublic",
    "PageBriefPublic",
    "PageCampaignPublic",
    "PageConversionPublic",
    "PageDeliverablePublic",
    "PageDeliveryPublic",
    "PageExchangeRatePublic",
    "PageInfluencerPostPublic",
    "PageInfluencerPublic",
    "PageInsightSnapshotPublic",
    "PageMessagePublic",
    "PageNotePublic",
    "PagePartnershipPublic",
    "PagePromoCodePublic",
    "PageRejectionPublic",
    "PageReportSharePublic",
    "PageShortlistEntryPublic",
    "PageSnapshotPublic",
    "PageSubmissionPublic",
    "PageTemplatePublic",
    "PageTrackingLinkPublic",
    "PageWebhookPublic",
    "PartnershipAction",
    "PartnershipCreate",
    "PartnershipDetail",
    "PartnershipMetrics",
    "PartnershipPublic",
    "PartnershipState",
    "Party",
    "PaymentsPublic",
    "PayoutPublic",
    "PerDeliverableFee",
    "PerDeliverableFeePublic",
    "PerformancePublic",
    "Platform",
    "PositiveMoneyIn",
    "PositiveMoneyInCurrency",
    "PostFormat",
    "PostMetrics",
    "PostPublic",
    "Problem",
    "PromoCodeCreate",
    "PromoCodePublic",
    "ProposeBody",
    "PublishBody",
    "RankedHitPublic",
    "RankedHitPublicParts",
    "RankedSearchRequest",
    "RankedSearchResponse",
    "RankedSearchResponseWeights",
    "RateUsedPublic",
    "ReasonBody",
    "ReasonPublic",
    "ReferenceAssetIn",
    "RejectionPublic",
    "ReportFormat",
    "ReportShareCreate",
    "ReportShareCreated",
    "ReportSharePublic",
    "RequestChangesBody",
    "ReviewPublic",
    "Role",
    "RulePublic",
    "ScheduleBody",
    "ScheduledPaymentPublic",
    "ScorePart",
    "SeriesPointPublic",
    "SharedReportFormatType0",
    "ShortlistAdd",
    "ShortlistEntryPublic",
    "SignaturePublic",
    "SignBody",
    "SignupConfirm",
    "SignupConfirmed",
    "SignupPending",
    "SnapshotBatch",
    "SnapshotIn",
    "SnapshotInMetrics",
    "SnapshotPublic",
    "Sort",
    "SpanIn",
    "SpanPublic",
    "SponsoredHistoryPublic",
    "SponsorshipPublic",
    "SponsorSignal",
    "SubmissionBody",
    "SubmissionBodyFormat",
    "SubmissionBodyPlatform",
    "SubmissionPublic",
    "SubmissionStatus",
    "TagsIn",
    "TagsPublic",
    "TargetAudience",
    "TargetAudienceIn",
    "TargetAudienceInAgeBucketsItem",
    "TargetAudienceInGendersItem",
    "TargetPacePublic",
    "TemplateCreate",
    "TemplatePublic",
    "TemplateUpdate",
    "TermsDocument",
    "TermsPublic",
    "TermsVersionPublic",
    "Tier",
    "Timeseries",
    "TokenRequest",
    "TokenResponse",
    "TotalsPublic",
    "TrackingLinkCreate",
    "TrackingLinkPublic",
    "UsageRightsPublic",
    "UsageRightsTerms",
    "UsageRightsTermsChannelsItem",
    "UserPublic",
    "UtmIn",
    "Visibility",
    "VoiceMatchIn",
    "VoiceMatchPublic",
    "VoiceMatchPublicVerdict",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookCreatedState",
    "WebhookCreateEventTypesItem",
    "WebhookCreator",
    "WebhookCreatorKind",
    "WebhookPublic",
    "WebhookPublicState",
    "WeightedAudienceIn",
    "WeightedAudienceInAgeBucketsType0",
    "WeightedAudienceInAgeBucketsType1Item",
    "WeightedAudienceInCountriesType0",
    "WeightedAudienceInGendersType0",
    "WeightedAudienceInGendersType1Item",
    "WeightsIn",
)
