// The ADL run-time API objects as LMSs expose them. Return types are loose on purpose: some
// LMSs return booleans or numbers instead of the strings the specs require; Cornerstone, null.

/** The SCORM 1.2 API object (`window.API`). */
export interface Scorm12Api {
	LMSInitialize(parameter: ''): unknown;
	LMSFinish(parameter: ''): unknown;
	LMSGetValue(element: string): unknown;
	LMSSetValue(element: string, value: string): unknown;
	LMSCommit(parameter: ''): unknown;
	LMSGetLastError(): unknown;
	LMSGetErrorString(code: string): unknown;
}

/** The SCORM 2004 API object (`window.API_1484_11`). */
export interface Scorm2004Api {
	Initialize(parameter: ''): unknown;
	Terminate(parameter: ''): unknown;
	GetValue(element: string): unknown;
	SetValue(element: string, value: string): unknown;
	Commit(parameter: ''): unknown;
	GetLastError(): unknown;
	GetErrorString(code: string): unknown;
}

/** The API object type for each standard. */
export interface ApiFor {
	scorm12: Scorm12Api;
	scorm2004: Scorm2004Api;
}
