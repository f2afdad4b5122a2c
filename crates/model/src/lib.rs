//! Domain types of an assessment and the rules they carry (name keys,
//! validation, default methodology). Pure data: no I/O, no SQL.
//!
//! Types that cross to the desktop UI derive `ts_rs::TS`; their TypeScript
//! form is generated into `ui/src/lib/bindings/` by `cargo test` (see
//! ARCHITECTURE.md) and committed.

mod assessment;
mod currency;
pub mod duration;
mod error;
mod id;
mod impact;
mod merge;
mod methodology;
mod minutes;
mod name;
mod objectives;
mod process;
mod questionnaire;
mod resource;
mod tier_claim;
mod unit;
mod workshop;
mod workshop_minutes;

pub use assessment::{Assessment, AssessmentInfo, AssessmentInput, Counts, UnitCount, thousands};
pub use currency::{COMMON_CURRENCIES, Currency, CurrencyInfo, LOCALE_VARIABLES, checked_currency};
pub use error::UnknownName;
pub use id::{Id, IdText};
pub use impact::{ProcessImpact, Score, ScoreInput};
pub use merge::{
    Conflict, ConflictKind, CopyInfo, GivenCopy, KnownCopy, MergeReport, MergedChange, MergedKind,
    Prefer, Resolution, ResolveInput,
};
pub use methodology::{
    Category, CategoryInput, Horizon, HorizonInput, LevelDefinition, Methodology, MethodologyInput,
    SeverityLevel, Tier, TierInput,
};
pub use minutes::Minutes;
pub use name::{Name, clean_name, name_key};
pub use objectives::{Decision, ObjectiveField, Objectives, ObjectivesInput};
pub use process::{
    CustomField, FieldIssue, ImportedValue, MAX_STAFF, Process, ProcessInput, Provenance, Status,
    sheet_cell,
};
pub use questionnaire::{
    ASKED_OBJECTIVES, Acceptance, Answer, AnswerKey, ChangeState, DEFAULT_DUE_DAYS,
    DependencyAnswer, DetailField, FieldChange, FormCategory, FormDependency, FormFact,
    FormHorizon, FormLevel, FormProcess, FormTerm, NEW_DEPENDENCY_ROWS, NewDependency,
    ProcessReview, Questionnaire, QuestionnaireForm, QuestionnaireProcess, QuestionnaireReview,
    QuestionnaireStatus, ReceiveOutcome, Recipients, ReturnedProcess, ReturnedQuestionnaire,
    Section, SendInput, SentValue,
};
pub use resource::{
    Dependency, DependencyInput, DependencyTarget, NodeRef, Redundancy, Resource, ResourceInput,
    ResourceKind, Strength,
};
pub use tier_claim::{ClaimReading, ClaimUnread, ReadClaim, step_tier, word_step};
pub use unit::{Unit, UnitInput};
pub use workshop::{
    Action, ActionInput, ActionKind, ActionStatus, AgendaInput, AgendaItem, AgendaStatus,
    AgendaUpdate, CheckedWorkshop, DEFAULT_TIMEBOX_MINUTES, MAX_TIMEBOX_MINUTES, MoveOn, MovedOn,
    Participant, ParticipantInput, Signoff, Workshop, WorkshopInput, WorkshopStatus, check_timebox,
    parse_date, parse_time,
};
pub use workshop_minutes::{
    AgreedValues, MinutesAction, MinutesAgendaItem, MinutesChange, MinutesGridRow,
    MinutesParticipant, WorkshopMinutes,
};
